// Every applet over real loopback HTTP: the requests Exotel makes (method, parameters, headers), the branches, and
// what the caller hears and is sent.
import * as assert from 'assert';
import { END_TIME_CONSTANT } from '../../../src/flows/callState';
import { events, flow, handler, Handler, json, pathOf, run, text } from './helpers';

describe('flows: applets', () => {
  let h: Handler;
  afterEach(async () => h?.close());

  describe('Passthru', () => {
    const passthru = (url: string, extra = {}) =>
      flow({ p: { type: 'passthru', url, next: { ok: 'yes', else: 'no' }, ...extra }, yes: { type: 'hangup' }, no: { type: 'hangup' } });

    it('GETs the URL with the call details in Exotel\'s order and format, and 200 takes "ok"', async () => {
      h = await handler({ '/p': text('') });
      const r = await run(passthru(h.url('/p?mine=1')), {
        call: { direction: 'incoming', from: '+91 98765 43210', exoPhone: '+918047112345', callSid: 'e12eb6e6fcd920019d7174b60099187v' },
      });
      assert.deepStrictEqual(pathOf(r), ['p:ok', 'yes']);
      const [req] = h.to('/p');
      assert.strictEqual(req.method, 'GET');
      assert.strictEqual(req.body, '');
      const names = [...req.query.keys()];
      assert.deepStrictEqual(names, [
        'mine',
        'CallSid',
        'CallFrom',
        'CallTo',
        'Direction',
        'Created',
        'DialCallDuration',
        'StartTime',
        'EndTime',
        'CallType',
        'DialWhomNumber',
        'flow_id',
        'tenant_id',
        'From',
        'To',
        'CurrentTime',
      ]);
      const q = req.query;
      assert.strictEqual(q.get('CallSid'), 'e12eb6e6fcd920019d7174b60099187v');
      assert.strictEqual(q.get('CallFrom'), '09876543210');
      assert.strictEqual(q.get('CallTo'), '08047112345');
      assert.strictEqual(q.get('Direction'), 'incoming');
      assert.match(q.get('Created') ?? '', /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}$/);
      assert.match(q.get('StartTime') ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      assert.strictEqual(q.get('EndTime'), END_TIME_CONSTANT);
      assert.strictEqual(q.get('CallType'), 'call-attempt');
      assert.strictEqual(q.get('DialWhomNumber'), '');
      assert.match(req.url, /DialWhomNumber=&/, 'an empty value is sent as Name=');
      assert.strictEqual(q.get('flow_id'), '236711');
      assert.match(req.url, /Created=[A-Z][a-z]{2}%2C\+/, 'form encoding: %2C and + for spaces');
      assert.strictEqual(req.headers['exotel-version'], undefined);
      assert.strictEqual(events(r, 'request')[0].exotelNext, 'Takes "Once the URL returns OK (200 OK)".');
    });

    for (const status of [302, 404, 500]) {
      it(`${status} takes "else"${status === 302 ? ', and the Location is not followed' : ''}`, async () => {
        h = await handler({ '/p': { status, body: '', headers: { Location: '/elsewhere', 'Content-Type': 'text/plain' } }, '/elsewhere': text('') });
        const r = await run(passthru(h.url('/p')));
        assert.deepStrictEqual(pathOf(r), ['p:else', 'no']);
        assert.strictEqual(h.to('/elsewhere').length, 0);
        assert.strictEqual(r.path[0].result, String(status));
      });
    }

    it('a handler slower than the applet timeout takes "else", recorded as a timeout with what Exotel does next', async () => {
      h = await handler({ '/p': { ...text(''), delayMs: 1500 } });
      const r = await run(passthru(h.url('/p')), { settings: { appletTimeoutMs: 150 } });
      assert.deepStrictEqual(pathOf(r), ['p:else', 'no']);
      const [req] = events(r, 'request');
      assert.strictEqual(req.response?.failure, 'timeout');
      assert.match(req.problem?.message ?? '', /150 ms/);
      assert.match(req.exotelNext ?? '', /anything else.*assumption/);
      assert.strictEqual(r.path[0].result, 'timeout');
    });

    it('a refused connection takes "else"', async () => {
      h = await handler({});
      const url = h.url('/p');
      await h.close();
      const r = await run(passthru(url));
      assert.deepStrictEqual(pathOf(r), ['p:else', 'no']);
      assert.strictEqual(events(r, 'request')[0].response?.failure, 'refused');
    });

    it('async: goes on to "ok" at once without waiting, and the answer is still recorded', async () => {
      h = await handler({ '/p': { ...text('', 500), delayMs: 300 } });
      const r = await run(flow({ p: { type: 'passthru', url: h.url('/p'), async: true, next: 'end' }, end: { type: 'hangup' } }));
      assert.deepStrictEqual(pathOf(r), ['p:ok', 'end']);
      const req = events(r, 'request')[0];
      assert.ok(req.async);
      assert.strictEqual(req.response?.status, 500);
      const end = events(r, 'call-end')[0];
      assert.ok(end.seq < r.events.length, 'the call ended before the answer came');
      assert.ok(end.atMs < 300, `ended after ${end.atMs} ms`);
    });

    it('keeps the query of the configured URL unless told not to', async () => {
      h = await handler({ '/p': text('') });
      await run(passthru(h.url('/p?step=welcome')), { settings: { keepUrlQuery: false } });
      assert.strictEqual(h.to('/p')[0].query.get('step'), null);
    });
  });

  describe('Greeting', () => {
    it('static text is heard; no request', async () => {
      h = await handler({});
      const r = await run(flow({ g: { type: 'greeting', text: 'Hello', next: 'e' }, e: { type: 'hangup' } }));
      assert.deepStrictEqual(
        events(r, 'say').map(s => s.text),
        ['Hello'],
      );
      assert.strictEqual(events(r, 'request').length, 0);
    });

    it('a URL: HEAD then GET with CallSid, From, To, DialWhomNumber; its text/plain body is heard', async () => {
      h = await handler({ '/g': text('Welcome, caller') });
      const r = await run(flow({ g: { type: 'greeting', url: h.url('/g'), next: 'e' }, e: { type: 'hangup' } }));
      assert.deepStrictEqual(
        h.to('/g').map(x => x.method),
        ['HEAD', 'GET'],
      );
      assert.deepStrictEqual([...h.to('/g')[1].query.keys()], ['CallSid', 'From', 'To', 'DialWhomNumber']);
      assert.deepStrictEqual(
        events(r, 'say').map(s => s.text),
        ['Welcome, caller'],
      );
    });

    it('audio URLs, one per line, are played in order', async () => {
      h = await handler({ '/g': text('https://cdn.example.com/a.wav\nhttps://cdn.example.com/b.wav\n') });
      const r = await run(flow({ g: { type: 'greeting', url: h.url('/g'), next: 'e' }, e: { type: 'hangup' } }));
      assert.deepStrictEqual(events(r, 'say')[0].audioUrls, ['https://cdn.example.com/a.wav', 'https://cdn.example.com/b.wav']);
    });

    it('a wrong content type plays nothing and the flow goes on; a failed HEAD means no GET', async () => {
      h = await handler({ '/g': json({ greeting: 'x' }), '/nohead': req => (req.method === 'HEAD' ? text('', 405) : text('hi')) });
      const r = await run(
        flow({ g: { type: 'greeting', url: h.url('/g'), next: 'n' }, n: { type: 'greeting', url: h.url('/nohead'), next: 'e' }, e: { type: 'hangup' } }),
      );
      assert.deepStrictEqual(pathOf(r), ['g:next', 'n:next', 'e']);
      assert.strictEqual(events(r, 'say').length, 0);
      const reqs = events(r, 'request');
      assert.strictEqual(reqs[0].problem?.kind, 'content-type');
      assert.match(reqs[0].exotelNext ?? '', /no GET/);
      assert.deepStrictEqual(
        h.to('/nohead').map(x => x.method),
        ['HEAD'],
      );
    });
  });

  describe('Gather', () => {
    const gather = (extra: Record<string, unknown>) =>
      flow({
        m: { type: 'gather', prompt: { text: 'Press a key' }, next: { entered: 'p', noInput: 'p' }, ...extra },
        p: { type: 'passthru', url: h.url('/p'), next: { ok: 'e', else: 'e' } },
        e: { type: 'hangup' },
      });

    it('the keys reach the next request as digits in literal double quotes', async () => {
      h = await handler({ '/p': text('') });
      const r = await run(gather({ maxDigits: 4 }), { keys: ['12#'] });
      assert.deepStrictEqual(pathOf(r), ['m:entered', 'p:ok', 'e']);
      assert.match(h.to('/p')[0].url, /&digits=%2212%22$/);
      assert.strictEqual(h.to('/p')[0].query.get('digits'), '"12"');
      const k = events(r, 'keys')[0];
      assert.deepStrictEqual([k.digits, k.finishedBy], ['12', 'finish-key']);
    });

    it('stops at maxDigits; repeats the prompt when nothing is pressed, then takes "noInput" with digits=""', async () => {
      h = await handler({ '/p': text('') });
      const a = await run(gather({ maxDigits: 2 }), { keys: ['1234'] });
      assert.strictEqual(events(a, 'keys')[0].digits, '12');
      const b = await run(gather({ repeatMenu: 2, repeatPrompt: { text: 'Again' } }), { keys: [] });
      assert.deepStrictEqual(pathOf(b), ['m:noInput', 'p:ok', 'e']);
      assert.deepStrictEqual(
        events(b, 'say').map(s => `${s.purpose}:${s.text}`),
        ['gather:Press a key', 'repeat:Again', 'repeat:Again'],
      );
      assert.strictEqual(h.to('/p')[1].query.get('digits'), '""');
    });

    it('interactive keys: the callback gets the prompt and settings of each attempt', async () => {
      h = await handler({ '/p': text('') });
      const prompts: unknown[] = [];
      const r = await run(gather({ maxDigits: 3, finishKey: '*', inputTimeout: 7, repeatMenu: 1 }), {
        keys: async p => {
          prompts.push([p.appletId, p.text, p.maxDigits, p.finishKey, p.inputTimeoutSeconds, p.attempt, p.attempts]);
          return p.attempt === 1 ? null : '9';
        },
      });
      assert.deepStrictEqual(prompts, [
        ['m', 'Press a key', 3, '*', 7, 1, 2],
        ['m', 'Press a key', 3, '*', 7, 2, 2],
      ]);
      assert.deepStrictEqual(pathOf(r), ['m:entered', 'p:ok', 'e']);
    });

    it('a dynamic URL: GET with Exotel-Version 1.0 and CallStatus; the JSON sets the prompt and the keys', async () => {
      h = await handler({
        '/p': text(''),
        '/menu': json({ gather_prompt: { text: 'Dynamic menu' }, max_input_digits: 1, finish_on_key: '', input_timeout: 3 }),
      });
      const r = await run(gather({ url: h.url('/menu') }), { keys: ['56'] });
      const [req] = h.to('/menu');
      assert.strictEqual(req.headers['exotel-version'], '1.0');
      assert.strictEqual(req.query.get('CallStatus'), 'in-progress');
      assert.deepStrictEqual(
        events(r, 'say').map(s => s.text),
        ['Dynamic menu'],
      );
      assert.strictEqual(events(r, 'keys')[0].digits, '5');
    });

    it('a URL answering not JSON, or JSON without gather_prompt, falls back to the Fallback URL; both failing → "noInput"', async () => {
      h = await handler({
        '/p': text(''),
        '/bad': text('<Response/>'),
        '/nocontract': json({ prompt: 'x' }),
        '/fb': json({ gather_prompt: { audio_url: 'https://x/a.wav' } }),
      });
      const a = await run(gather({ url: h.url('/bad'), fallbackUrl: h.url('/fb') }), { keys: ['1'] });
      const reqs = events(a, 'request');
      assert.deepStrictEqual(
        reqs.map(q => q.request.role),
        ['primary', 'fallback', 'primary'],
      );
      assert.strictEqual(reqs[0].problem?.kind, 'content-type');
      assert.match(reqs[0].exotelNext ?? '', /Fallback/);
      assert.deepStrictEqual(events(a, 'say')[0].audioUrls, ['https://x/a.wav']);
      const b = await run(gather({ url: h.url('/nocontract'), fallbackUrl: h.url('/bad') }), { keys: ['1'] });
      assert.deepStrictEqual(pathOf(b), ['m:noInput', 'p:ok', 'e']);
      assert.strictEqual(events(b, 'request')[0].problem?.kind, 'contract');
      assert.strictEqual(events(b, 'keys').length, 0, 'no keys are taken without a prompt');
    });
  });

  describe('Connect', () => {
    const connect = (extra: Record<string, unknown>) =>
      flow({
        c: { type: 'connect', next: { answered: 'p', noAnswer: 'p', notDialled: 'p' }, ...extra },
        p: { type: 'passthru', url: h.url('/after'), next: { ok: 'e', else: 'e' } },
        e: { type: 'hangup' },
      });

    it('static numbers by the sandbox rules: answered (0–4) with Legs[0], DialCallStatus and a recording', async () => {
      h = await handler({ '/after': text('') });
      const r = await run(connect({ numbers: ['+919812345670'], record: true }));
      assert.deepStrictEqual(pathOf(r), ['c:answered', 'p:ok', 'e']);
      const q = h.to('/after')[0].query;
      assert.strictEqual(q.get('CallType'), 'completed');
      assert.strictEqual(q.get('DialCallStatus'), 'completed');
      assert.strictEqual(q.get('DialWhomNumber'), '09812345670');
      assert.strictEqual(q.get('Legs[0][Number]'), '09812345670');
      assert.strictEqual(q.get('Legs[0][CauseCode]'), 'NORMAL_CLEARING');
      assert.strictEqual(q.get('OutgoingPhoneNumber'), '08047112345');
      assert.match(q.get('RecordingUrl') ?? '', /\.mp3$/);
      assert.match(q.get('RecordingAvailableBy') ?? '', /^[A-Z][a-z]{2}, /);
      assert.ok(Number(q.get('DialCallDuration')) > 0);
    });

    for (const [digit, branch, status, callType] of [
      ['5', 'noAnswer', 'busy', 'incomplete'],
      ['6', 'noAnswer', 'no-answer', 'incomplete'],
      ['7', 'noAnswer', 'failed', 'incomplete'],
      ['8', 'noAnswer', 'canceled', 'client-hangup'],
    ]) {
      it(`a number ending in ${digit}: "${branch}", DialCallStatus ${status}, CallType ${callType}`, async () => {
        h = await handler({ '/after': text('') });
        const r = await run(connect({ numbers: [`+91981234567${digit}`], record: true }));
        assert.deepStrictEqual(pathOf(r), [`c:${branch}`, 'p:ok', 'e']);
        const q = h.to('/after')[0].query;
        assert.strictEqual(q.get('DialCallStatus'), status);
        assert.strictEqual(q.get('CallType'), callType);
        assert.strictEqual(q.get('RecordingUrl'), null, 'no recording without a conversation');
      });
    }

    it('a Dial-whom URL answering a comma-separated list: dialled in order until one answers', async () => {
      h = await handler({ '/after': text(''), '/whom': text('09812345676, 09812345675,09812345671') });
      const r = await run(connect({ dialWhomUrl: h.url('/whom') }));
      assert.deepStrictEqual(
        events(r, 'dial').map(d => `${d.number}:${d.result}`),
        ['09812345676:no-answer', '09812345675:busy', '09812345671:answered'],
      );
      assert.strictEqual(h.to('/whom')[0].query.get('CallStatus'), 'in-progress');
      assert.strictEqual(h.to('/whom')[0].headers['exotel-version'], undefined);
      const q = h.to('/after')[0].query;
      assert.deepStrictEqual([q.get('Legs[0][Number]'), q.get('Legs[2][Number]'), q.get('DialWhomNumber')], ['09812345676', '09812345671', '09812345671']);
    });

    it('parallel ringing dials all at once; the one that answers talks', async () => {
      h = await handler({ '/after': text('') });
      const r = await run(connect({ numbers: ['09812345676', '09812345672'], parallel: true }));
      assert.deepStrictEqual(pathOf(r)[0], 'c:answered');
      assert.strictEqual(events(r, 'dial').length, 2);
      assert.strictEqual(h.to('/after')[0].query.get('DialWhomNumber'), '09812345672');
    });

    it('a Dial-whom URL with a wrong content type or no number takes "We didn\'t dial anyone"', async () => {
      h = await handler({ '/after': text(''), '/json': json(['0981']), '/empty': text('  ') });
      for (const path of ['/json', '/empty']) {
        const r = await run(connect({ dialWhomUrl: h.url(path) }));
        assert.deepStrictEqual(pathOf(r)[0], 'c:notDialled', path);
        assert.ok(events(r, 'request')[0].problem, path);
        assert.strictEqual(events(r, 'dial').length, 0);
      }
    });

    it("Programmable Connect: Exotel-Version 1.0, the JSON's numbers, record and limits; unknown fields are warnings", async () => {
      h = await handler({
        '/after': text(''),
        '/pc': json({
          destination: { numbers: ['+919812345673'] },
          record: true,
          max_ringing_duration: 2,
          max_conversation_duration: 10,
          outgoing_phone_number: '+911141172345',
          sticky: 1,
        }),
      });
      const r = await run(connect({ url: h.url('/pc') }));
      assert.strictEqual(h.to('/pc')[0].headers['exotel-version'], '1.0');
      assert.deepStrictEqual(pathOf(r)[0], 'c:answered');
      const dial = events(r, 'dial')[0];
      assert.ok(dial.ringSeconds <= 2 && dial.talkSeconds <= 10);
      assert.strictEqual(events(r, 'request')[0].problem?.kind, 'warning');
      const q = h.to('/after')[0].query;
      assert.strictEqual(q.get('OutgoingPhoneNumber'), '01141172345');
      assert.ok(q.get('RecordingUrl'));
    });

    it('Programmable Connect: empty numbers → "We didn\'t dial anyone"; a 500 → Fallback; not the contract → "We didn\'t dial anyone"', async () => {
      h = await handler({
        '/after': text(''),
        '/none': json({ destination: { numbers: [] } }),
        '/err': text('oops', 500),
        '/fb': json({ destination: { numbers: ['09812345670'] } }),
        '/odd': json({ destination: { numbers: '0981' } }),
      });
      assert.strictEqual(pathOf(await run(connect({ url: h.url('/none') })))[0], 'c:notDialled');
      const fb = await run(connect({ url: h.url('/err'), fallbackUrl: h.url('/fb') }));
      assert.strictEqual(pathOf(fb)[0], 'c:answered');
      assert.deepStrictEqual(
        events(fb, 'request')
          .slice(0, 2)
          .map(q => [q.request.role, q.response?.status]),
        [
          ['primary', 500],
          ['fallback', 200],
        ],
      );
      const odd = await run(connect({ url: h.url('/odd') }));
      assert.strictEqual(pathOf(odd)[0], 'c:notDialled');
      assert.strictEqual(events(odd, 'request')[0].problem?.kind, 'contract');
    });

    it('fetch_after_attempt asks the URL again after a failed attempt, without digits', async () => {
      let n = 0;
      h = await handler({
        '/after': text(''),
        '/pc': () => json({ fetch_after_attempt: true, destination: { numbers: [n++ === 0 ? '09812345676' : '09812345671'] } }),
      });
      const r = await run(
        flow({
          m: { type: 'gather', prompt: { text: 'x' }, next: { entered: 'c' } },
          c: { type: 'connect', url: h.url('/pc'), next: { answered: 'e' } },
          e: { type: 'hangup' },
        }),
        { keys: ['4'] },
      );
      assert.deepStrictEqual(
        events(r, 'dial').map(d => d.result),
        ['no-answer', 'answered'],
      );
      assert.deepStrictEqual(
        h.to('/pc').map(x => x.query.get('digits')),
        ['"4"', null],
      );
    });
  });

  describe('SMS, Voicemail, Hangup', () => {
    it('SMS: static text; or HEAD then GET with CallSid, From, To, digits and a text/plain body', async () => {
      h = await handler({ '/sms': text('Your ref is 42') });
      const r = await run(
        flow({
          m: { type: 'gather', prompt: { text: 'x' }, next: { entered: 's' } },
          s: { type: 'sms', url: h.url('/sms'), next: 't' },
          t: { type: 'sms', text: 'Static text', next: 'e' },
          e: { type: 'hangup' },
        }),
        { keys: ['7'] },
      );
      assert.deepStrictEqual(
        h.to('/sms').map(x => x.method),
        ['HEAD', 'GET'],
      );
      assert.deepStrictEqual([...h.to('/sms')[1].query.keys()], ['CallSid', 'From', 'To', 'digits']);
      assert.deepStrictEqual(
        events(r, 'sms').map(s => [s.to, s.text]),
        [
          ['09876543210', 'Your ref is 42'],
          ['09876543210', 'Static text'],
        ],
      );
    });

    it('SMS: a wrong content type sends nothing and goes on', async () => {
      h = await handler({ '/sms': json({ text: 'x' }) });
      const r = await run(flow({ s: { type: 'sms', url: h.url('/sms'), next: 'e' }, e: { type: 'hangup' } }));
      assert.deepStrictEqual(pathOf(r), ['s:next', 'e']);
      assert.strictEqual(events(r, 'sms').length, 0);
    });

    it('Voicemail: later requests carry CallType=voicemail and the RecordingUrl', async () => {
      h = await handler({ '/after': text('') });
      const r = await run(
        flow({ v: { type: 'voicemail', prompt: { text: 'Leave a message' }, next: 'p' }, p: { type: 'passthru', url: h.url('/after'), next: {} } }),
      );
      const q = h.to('/after')[0].query;
      assert.strictEqual(q.get('CallType'), 'voicemail');
      assert.ok(q.get('RecordingUrl'));
      assert.strictEqual(r.outcome?.reason, 'no-transition');
      assert.strictEqual(events(r, 'recording').length, 1);
    });

    it('Hangup ends the call; a branch with no transition ends it too', async () => {
      h = await handler({});
      const a = await run(flow({ e: { type: 'hangup' } }));
      assert.deepStrictEqual([a.outcome?.reason, a.outcome?.callType], ['hangup', 'call-attempt']);
      const b = await run(flow({ g: { type: 'greeting', text: 'bye' } }));
      assert.strictEqual(b.outcome?.reason, 'no-transition');
    });
  });
});
