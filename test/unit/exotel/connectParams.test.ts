// Connect parameters: every limit is checked before anything is sent.
import * as assert from 'assert';
import { ValidationError } from '../../../src/exotel';
import { connectCallForm, connectToFlowForm, encodeForm, flowUrl } from '../../../src/exotel/connectParams';

const BASE = { from: '9876543210', to: '9123456780', callerId: '08030752400' };

function refuses(p: object, field: string, pattern: RegExp): void {
  assert.throws(
    () => connectCallForm({ ...BASE, ...p }),
    (e: unknown) => e instanceof ValidationError && e.field === field && pattern.test(e.message),
  );
}

describe('connect parameters', () => {
  it('encodes every parameter, arrays as StatusCallbackEvents[i]', () => {
    const form = connectCallForm({
      ...BASE,
      callType: 'trans',
      timeLimit: 14400,
      timeOut: 60,
      waitUrl: 'https://example.com/wait.wav',
      record: true,
      recordingChannels: 'dual',
      recordingFormat: 'mp3-hq',
      customField: 'order-42',
      statusCallback: 'https://example.com/cb',
      statusCallbackEvents: ['terminal', 'answered'],
      statusCallbackContentType: 'application/json',
    });
    assert.strictEqual(
      decodeURIComponent(encodeForm(form).replace(/\+/g, ' ')),
      'From=+919876543210&To=+919123456780&CallerId=+918030752400&WaitUrl=https://example.com/wait.wav&Record=true' +
        '&RecordingChannels=dual&RecordingFormat=mp3-hq&CallType=trans&TimeLimit=14400&TimeOut=60&CustomField=order-42' +
        '&StatusCallback=https://example.com/cb&StatusCallbackEvents[0]=terminal&StatusCallbackEvents[1]=answered' +
        '&StatusCallbackContentType=application/json',
    );
  });

  it('refuses bad input with a reason', () => {
    refuses({ from: '' }, 'From', /required/);
    refuses({ to: '12345' }, 'To', /^To: /);
    refuses({ to: '9876543210' }, 'To', /same number/);
    refuses({ timeLimit: 14401 }, 'TimeLimit', /1 to 14400/);
    refuses({ timeOut: 61 }, 'TimeOut', /1 to 60/);
    refuses({ timeOut: 2.5 }, 'TimeOut', /whole number/);
    refuses({ customField: 'x'.repeat(129) }, 'CustomField', /129 characters.*at most 128/);
    refuses({ waitUrl: 'ftp://example.com/a.wav' }, 'WaitUrl', /http/);
    refuses({ statusCallback: 'not a url' }, 'StatusCallback', /not a valid URL/);
    refuses({ statusCallback: 'https://user:pw@example.com/cb' }, 'StatusCallback', /user name or password/);
    refuses({ statusCallbackEvents: ['terminal'] }, 'StatusCallbackEvents', /needs a StatusCallback/);
    refuses({ statusCallback: 'https://e.com', statusCallbackEvents: ['hangup'] }, 'StatusCallbackEvents', /terminal, answered/);
    refuses({ recordingChannels: 'dual' }, 'RecordingChannels', /only when Record/);
    refuses({ recordingFormat: 'wav' }, 'RecordingFormat', /mp3, mp3-hq/);
    refuses({ callType: 'promo' }, 'CallType', /no longer supported/);
    refuses({ record: 'yes' }, 'Record', /true or false/);
  });

  it('builds the documented flow URL from an app id, or takes a full URL', () => {
    assert.strictEqual(flowUrl('acme1', '201334'), 'http://my.exotel.com/acme1/exoml/start_voice/201334');
    const byId = connectToFlowForm({ from: '9876543210', callerId: '08030752400', flow: { appId: '201334' } }, 'acme1');
    assert.deepStrictEqual(
      byId.find(([k]) => k === 'Url'),
      ['Url', 'http://my.exotel.com/acme1/exoml/start_voice/201334'],
    );
    const byUrl = connectToFlowForm({ from: '9876543210', callerId: '08030752400', flow: { url: 'https://example.com/exoml' } }, 'acme1');
    assert.deepStrictEqual(
      byUrl.find(([k]) => k === 'Url'),
      ['Url', 'https://example.com/exoml'],
    );
    assert.throws(() => flowUrl('acme1', '../x'), /app id is a number/);
  });
});
