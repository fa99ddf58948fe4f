// The editor-free Exotel v1 voice API: client, models, errors, filters.
export { ExotelClient } from './client';
export type { Credentials, DescribedRequest, ExotelClientOptions, GetCallOptions, RequestOptions } from './client';
export * from './models';
export * from './errors';
export { encodeCallFilter, splitDateRange, FILTER_LIMITS } from './callFilters';
export type { CallFilter, NumberRange, Moment } from './callFilters';
export {
  DEFAULT_FLOW_HOST,
  flowUrl,
  normalizeFlowHost,
  STATUS_CALLBACK_EVENTS,
  RECORDING_CHANNELS,
  RECORDING_FORMATS,
  CALLBACK_CONTENT_TYPES,
} from './connectParams';
export type { CallOptions, ConnectCallParams, ConnectToFlowParams, FlowRef, StatusCallbackEvent } from './connectParams';
export { CALL_OPTIONS, callOption, callOptionsFor, callOptionHelp, callOptionsJsonSchema } from './callOptions';
export type { CallOptionKey, CallOptionKind, CallOptionSpec, ConnectCallOptions } from './callOptions';
export { RateLimiter } from './rateLimiter';
export type { FetchLike, FetchResponse, RequestLog } from './transport';
export { REGIONS, normalizeBaseUrl } from './hosts';
export type { Region } from './hosts';
export { formatExotelTime, parseExotelTime, IST_OFFSET_MINUTES, HOUR_MS, DAY_MS } from './time';
export { CALL_SID_PATTERN } from './validate';
export { isMaskable, redact } from './redact';
export { isExotelHost, mayCarryCredentials, recordingFileName, recordingSource } from './recordings';
export type { RecordingSource } from './recordings';
export { RecordingError } from './recordingDownload';
export type { RecordingFetchOptions } from './recordingDownload';
export { canLookUp } from './numberLookups';
export type { LookupOptions, NumberEntry, NumberLookups } from './numberLookups';
export { mergeCalls, newestFirst } from './callOrder';
