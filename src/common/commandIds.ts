// Every command the extension contributes, once: registrations, menus' tests and executeCommand calls use these
// names, and a unit test checks that package.json declares exactly this list. Casing: camelCase of the English
// words, "look up" being two (lookUpNumber, lookUpInHover).

export const COMMANDS = {
  signIn: 'exotel.signIn',
  signOut: 'exotel.signOut',
  switchProfile: 'exotel.switchProfile',
  setFlowHost: 'exotel.setFlowHost',
  startSandbox: 'exotel.startSandbox',
  stopSandbox: 'exotel.stopSandbox',
  showLog: 'exotel.showLog',
  callLogRefresh: 'exotel.callLog.refresh',
  callLogFilter: 'exotel.callLog.filter',
  callLogClearFilter: 'exotel.callLog.clearFilter',
  exportCalls: 'exotel.exportCalls',
  showCallStats: 'exotel.showCallStats',
  showCallDetails: 'exotel.showCallDetails',
  callLogLoadMore: 'exotel.callLog.loadMore',
  callLogShowDetails: 'exotel.callLog.showDetails',
  callLogCopySid: 'exotel.callLog.copySid',
  callLogCopyJson: 'exotel.callLog.copyJson',
  callLogCallAgain: 'exotel.callLog.callAgain',
  callLogLookUpNumber: 'exotel.callLog.lookUpNumber',
  callLogDownloadRecording: 'exotel.callLog.downloadRecording',
  connectCall: 'exotel.connectCall',
  connectCallToFlow: 'exotel.connectCallToFlow',
  repeatLastCall: 'exotel.repeatLastCall',
  lookUpNumber: 'exotel.lookUpNumber',
  numbersCopy: 'exotel.numbers.copy',
  numbersLookUpInHover: 'exotel.numbers.lookUpInHover',
  callTestsShowCall: 'exotel.callTests.showCall',
  callbacksShow: 'exotel.callbacks.show',
  callbacksClear: 'exotel.callbacks.clear',
  callbacksExport: 'exotel.callbacks.export',
  callbacksResend: 'exotel.callbacks.resend',
  callbacksEditAndResend: 'exotel.callbacks.editAndResend',
  callbacksSendEdited: 'exotel.callbacks.sendEdited',
  callbacksCopyCurl: 'exotel.callbacks.copyCurl',
  callbacksCopyFixture: 'exotel.callbacks.copyFixture',
  callbacksOpenCall: 'exotel.callbacks.openCall',
  callbacksStartReceiver: 'exotel.callbacks.startReceiver',
  callbacksStopReceiver: 'exotel.callbacks.stopReceiver',
  privacyToggleMaskNumbers: 'exotel.privacy.toggleMaskNumbers',
  flowsNewCallFlow: 'exotel.flows.newCallFlow',
  flowsSimulateIncomingCall: 'exotel.flows.simulateIncomingCall',
  flowsShowRun: 'exotel.flows.showRun',
  flowsClearRuns: 'exotel.flows.clearRuns',
  flowsResendRequest: 'exotel.flows.resendRequest',
  flowsCopyCurl: 'exotel.flows.copyCurl',
  flowsOpenFile: 'exotel.flows.openFile',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Our views, and the command VS Code derives from a view id to reveal it. */
export const VIEWS = {
  calls: 'exotel.calls',
  callsFocus: 'exotel.calls.focus',
  callbacks: 'exotel.callbacks',
  callbacksFocus: 'exotel.callbacks.focus',
  flowRuns: 'exotel.flowRuns',
  flowRunsFocus: 'exotel.flowRuns.focus',
} as const;
