// The parameters of Calls/connect, checked against Exotel's limits and encoded as its form body.
import { fail, intField, maxLength, oneOf, phoneField, urlField } from './validate';
import { t } from '../common/callText/translate';

import {
  CALLBACK_CONTENT_TYPES,
  CALL_TYPES,
  CallOptions,
  callOption,
  ConnectCallOptions,
  RECORDING_CHANNELS,
  RECORDING_FORMATS,
  STATUS_CALLBACK_EVENTS,
} from './callOptions';

export { CALLBACK_CONTENT_TYPES, RECORDING_CHANNELS, RECORDING_FORMATS, STATUS_CALLBACK_EVENTS } from './callOptions';
export type { CallOptions, StatusCallbackEvent } from './callOptions';

/** Exotel's limits, from the one options table. */
const LIMITS = {
  timeLimit: callOption('timeLimit').max as number,
  timeOut: callOption('timeOut').max as number,
  customField: callOption('customField').max as number,
} as const;

export interface ConnectCallParams extends ConnectCallOptions {
  /** Called first: the agent. */
  from: string;
  /** Dialled once From answers: the customer. */
  to: string;
  /** Your ExoPhone. */
  callerId: string;
}

export type FlowRef = { appId: string } | { url: string };

export interface ConnectToFlowParams extends CallOptions {
  from: string;
  callerId: string;
  flow: FlowRef;
}

/** The dashboard host flows live on when a profile does not say (the documented one; Singapore cluster). */
export const DEFAULT_FLOW_HOST = 'my.exotel.com';

/** A flow host as a bare host name (`my.in.exotel.com`); a pasted URL is cut to its host. */
export function normalizeFlowHost(input: string): string {
  const t = String(input)
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/.test(t)) {
    fail('flowHost', `The flow host must be a host name such as my.exotel.com (got “${String(input).slice(0, 40)}”).`);
  }
  return t;
}

/** The documented flow URL for an app id of an account, on the account's dashboard host. */
export function flowUrl(accountSid: string, appId: string, host: string = DEFAULT_FLOW_HOST): string {
  const id = String(appId).trim();
  if (!/^\d+$/.test(id)) {
    fail('flow', t("A flow's app id is a number from App Bazaar → My Apps (got “{0}”).", id.slice(0, 40)));
  }
  return `http://${normalizeFlowHost(host)}/${encodeURIComponent(accountSid)}/exoml/start_voice/${id}`;
}

function optionsForm(o: CallOptions): Array<[string, string]> {
  const form: Array<[string, string]> = [];
  if (o.callType !== undefined) {
    if ((o.callType as string) === 'promo') {
      fail('CallType', t('CallType “promo” is no longer supported by Exotel; use “trans”.'));
    }
    form.push(['CallType', oneOf('CallType', o.callType, CALL_TYPES)]);
  }
  if (o.timeLimit !== undefined) form.push(['TimeLimit', String(intField('TimeLimit', o.timeLimit, 1, LIMITS.timeLimit, ' seconds'))]);
  if (o.timeOut !== undefined) form.push(['TimeOut', String(intField('TimeOut', o.timeOut, 1, LIMITS.timeOut, ' seconds'))]);
  if (o.customField !== undefined) form.push(['CustomField', maxLength('CustomField', o.customField, LIMITS.customField)]);
  if (o.statusCallback !== undefined) form.push(['StatusCallback', urlField('StatusCallback', o.statusCallback)]);
  if (o.statusCallbackEvents !== undefined) {
    if (!Array.isArray(o.statusCallbackEvents)) fail('StatusCallbackEvents', t('StatusCallbackEvents must be a list of terminal and/or answered.'));
    if (o.statusCallback === undefined) fail('StatusCallbackEvents', t('StatusCallbackEvents needs a StatusCallback URL to send the events to.'));
    [...new Set(o.statusCallbackEvents)].forEach((e, i) => form.push([`StatusCallbackEvents[${i}]`, oneOf('StatusCallbackEvents', e, STATUS_CALLBACK_EVENTS)]));
  }
  if (o.statusCallbackContentType !== undefined) {
    form.push(['StatusCallbackContentType', oneOf('StatusCallbackContentType', o.statusCallbackContentType, CALLBACK_CONTENT_TYPES)]);
  }
  return form;
}

/** The form body of a two-number connect; throws ValidationError before anything is sent. */
export function connectCallForm(p: ConnectCallParams): Array<[string, string]> {
  const form: Array<[string, string]> = [
    ['From', phoneField('From', p.from)],
    ['To', phoneField('To', p.to)],
    ['CallerId', phoneField('CallerId', p.callerId)],
  ];
  if (form[0][1] === form[1][1]) {
    fail('To', t('From and To are the same number; Exotel would call it twice and hang up.'));
  }
  if (p.waitUrl !== undefined) form.push(['WaitUrl', urlField('WaitUrl', p.waitUrl)]);
  if (p.record !== undefined) {
    if (typeof p.record !== 'boolean') fail('Record', t('Record must be true or false.'));
    form.push(['Record', String(p.record)]);
  }
  if (p.recordingChannels !== undefined) {
    if (p.recordingChannels === 'dual' && p.record !== true) fail('RecordingChannels', t('Dual-channel recording works only when Record is true.'));
    form.push(['RecordingChannels', oneOf('RecordingChannels', p.recordingChannels, RECORDING_CHANNELS)]);
  }
  if (p.recordingFormat !== undefined) form.push(['RecordingFormat', oneOf('RecordingFormat', p.recordingFormat, RECORDING_FORMATS)]);
  return [...form, ...optionsForm(p)];
}

/** The form body of a connect to a call flow. */
export function connectToFlowForm(p: ConnectToFlowParams, accountSid: string, flowHost?: string): Array<[string, string]> {
  const flow = p.flow as Partial<{ appId: string; url: string }> | undefined;
  let url: string;
  if (flow && typeof flow.url === 'string') {
    url = urlField('Url', flow.url);
  } else if (flow && flow.appId !== undefined) {
    url = flowUrl(accountSid, flow.appId, flowHost);
  } else {
    fail('flow', t('Give the flow as an app id (App Bazaar → My Apps) or as a full URL.'));
  }
  return [['From', phoneField('From', p.from)], ['CallerId', phoneField('CallerId', p.callerId)], ['Url', url], ...optionsForm(p)];
}

export function encodeForm(form: Array<[string, string]>): string {
  return new URLSearchParams(form).toString();
}
