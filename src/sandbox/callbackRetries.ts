// When a failed StatusCallback is tried again. Exotel's newer docs: two retries, the first 5 minutes after the failure,
// the second 15 minutes after that (docs/advanced-config/webhooks-setup.md); its older reference promises none
// (developer.exotel.com/api/statuscallback). `fast` is the sandbox's own, for tests: NOT what Exotel does.
export const CALLBACK_RETRY_SCHEDULES = {
  exotel: [5 * 60_000, 15 * 60_000],
  none: [],
  fast: [1000, 3000],
} as const satisfies Record<string, readonly number[]>;

export type CallbackRetrySchedule = keyof typeof CALLBACK_RETRY_SCHEDULES;
export const CALLBACK_RETRY_SCHEDULE_NAMES = Object.keys(CALLBACK_RETRY_SCHEDULES) as CallbackRetrySchedule[];
export const DEFAULT_CALLBACK_RETRIES: CallbackRetrySchedule = 'exotel';

/** The delays of a schedule; an unknown name is Exotel's (settings are not schema-checked). */
export function retryDelaysOf(schedule: string | undefined): readonly number[] {
  return CALLBACK_RETRY_SCHEDULES[(schedule ?? DEFAULT_CALLBACK_RETRIES) as CallbackRetrySchedule] ?? CALLBACK_RETRY_SCHEDULES.exotel;
}
