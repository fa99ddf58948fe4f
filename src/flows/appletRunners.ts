// What each applet does when the call enters it: its requests (exotel-flows.md V1), what the caller hears, and
// which branch it takes and why. A handler's failure is recorded on its request with what Exotel would do next.
import { t } from '../common/callText/translate';
import { send } from './appletRequest';
import { headThenGet, requestFor, Runner } from './appletContext';
import { recordingAvailableBy } from './callState';
import { connectApplet } from './connectRunner';
import { gatherApplet } from './gatherRunner';
import type { Applet, AppletType, GreetingApplet, HangupApplet, PassthruApplet, SmsApplet, VoicemailApplet } from './types';

const AUDIO_LINE = /^https?:\/\/\S+$/i;

const greeting: Runner<GreetingApplet> = async (ctx, id, applet) => {
  let text = applet.text;
  let audioUrls = applet.audioUrl ? [applet.audioUrl] : undefined;
  if (applet.url) {
    const event = await headThenGet(
      ctx,
      id,
      applet.url,
      'greeting',
      'text/plain',
      ctx.settings.headForGreetingAndSms,
      t('The caller hears nothing here and the flow goes on (assumption).'),
    );
    text = undefined;
    audioUrls = undefined;
    if (event) {
      const lines = (event.response?.body ?? '')
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(Boolean);
      if (lines.length && lines.every(l => AUDIO_LINE.test(l))) audioUrls = lines;
      else text = (event.response?.body ?? '').trim();
    }
  }
  if (text || audioUrls) ctx.emit({ kind: 'say', appletId: id, text, audioUrls, purpose: 'greeting' });
  ctx.state.simSeconds += ctx.settings.greetingSeconds;
  return { branch: 'next', why: text || audioUrls ? t('The greeting was played.') : t('Nothing to play.') };
};

const passthru: Runner<PassthruApplet> = async (ctx, id, applet) => {
  const url = applet.url as string;
  const head = ctx.settings.headForOthers;
  if (applet.async) {
    const request = requestFor(ctx, url, 'full');
    ctx.background(
      (async () => {
        if (head) await send(ctx.sender, id, requestFor(ctx, url, 'full', { method: 'HEAD' }), true);
        const event = await send(ctx.sender, id, request, true);
        event.exotelNext = t('Async: Exotel did not wait for this answer and ignores it.');
        ctx.sender.update(event);
      })(),
    );
    return { branch: 'ok', why: t('Async Passthru: Exotel goes on without waiting for the answer.') };
  }
  if (head) {
    const probe = await send(ctx.sender, id, requestFor(ctx, url, 'full', { method: 'HEAD' }));
    ctx.sender.update(probe);
  }
  const event = await send(ctx.sender, id, requestFor(ctx, url, 'full'));
  const r = event.response;
  ctx.state.simSeconds += Math.ceil((r?.latencyMs ?? 0) / 1000);
  if (r && !r.failure && r.status === 200) {
    event.exotelNext = t('Takes "Once the URL returns OK (200 OK)".');
    ctx.sender.update(event);
    return { branch: 'ok', why: t('The URL answered 200 OK.') };
  }
  const why = r?.failure ? (event.problem?.message ?? r.failure) : t('The URL answered {0}, which is not 200.', r?.status ?? '?');
  event.exotelNext = r?.failure
    ? t('Takes "If the url returns anything else" (assumption: Exotel does not document a failed Passthru).')
    : t('Takes "If the url returns anything else".');
  if (r?.status !== undefined && r.status >= 300 && r.status < 400) event.exotelNext += ' ' + t('A 3xx is a branch signal: its Location is not followed.');
  ctx.sender.update(event);
  return { branch: 'else', why };
};

const sms: Runner<SmsApplet> = async (ctx, id, applet) => {
  let text = applet.text;
  if (applet.url) {
    const event = await headThenGet(
      ctx,
      id,
      applet.url,
      'sms',
      'text/plain',
      ctx.settings.headForGreetingAndSms,
      t('No SMS is sent and the flow goes on (assumption).'),
    );
    text = event ? (event.response?.body ?? '').trim() : undefined;
    if (event && !text) {
      event.problem = { kind: 'contract', message: t('The answer is empty: there is no SMS text.') };
      event.exotelNext = t('No SMS is sent and the flow goes on (assumption).');
      ctx.sender.update(event);
    }
  }
  if (text) ctx.emit({ kind: 'sms', appletId: id, to: ctx.state.from, text });
  return { branch: 'next', why: text ? t('The SMS was sent to the caller.') : t('No SMS was sent.') };
};

const voicemail: Runner<VoicemailApplet> = async (ctx, id, applet) => {
  if (applet.prompt)
    ctx.emit({
      kind: 'say',
      appletId: id,
      text: applet.prompt.text,
      audioUrls: applet.prompt.audioUrl ? [applet.prompt.audioUrl] : undefined,
      purpose: 'voicemail',
    });
  if (ctx.state.callerGone) return { branch: 'next', why: t('The caller has hung up: nothing was recorded.') };
  const seconds = Math.min(applet.maxSeconds ?? 60, 20);
  ctx.state.simSeconds += seconds;
  const url = ctx.recordingUrl(ctx.state.callSid);
  ctx.state.callType = 'voicemail';
  ctx.state.recordingUrl = url;
  ctx.state.recordingAvailableBy = recordingAvailableBy(ctx.state);
  ctx.emit({ kind: 'recording', appletId: id, url, seconds });
  return { branch: 'next', why: t('The caller left a {0} s message.', seconds) };
};

const hangup: Runner<HangupApplet> = async () => ({ end: 'hangup', why: t('A Hangup applet ended the call.') });

export type { AppletOutcome, RunContext } from './appletContext';

export const APPLET_RUNNERS: { [K in AppletType]: Runner<Extract<Applet, { type: K }>> } = {
  greeting,
  gather: gatherApplet,
  passthru,
  connect: connectApplet,
  sms,
  voicemail,
  hangup,
};
