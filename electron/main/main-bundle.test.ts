import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, methodNames, type MethodName } from '../../core/contract';
import type { Result } from '../../core/result';
import type { Db } from '../../db/connection';
import { openDecisionStore } from '../../db/seed';
import { databaseFile, DATA_DIR_VARIABLE } from '../../hosts/shared/data-folder';
import { CONTENT_SECURITY_POLICY } from '../../core/content-security-policy';
import { API_TOKEN_HEADER as TOKEN_HEADER, PARTICIPANT_TOKEN_HEADER } from '../../core/transport';
import { startHttpHost, type HttpHost } from '../../hosts/web/server';
import { createDispatch } from '../../service/dispatch';
import { createHandlers } from '../../service/handlers';
import { electron, importWithStandInElectron, invoke, type SenderFrame, type StandInWindow } from '../test/stand-in-electron';

/**
 * The built main process (dist/node/main.mjs, as shipped) run in Node against a stand-in
 * `electron` module and a real store in a temporary folder. This is a stand-in: a real Electron
 * was never run here (no binary on these machines), and no real window opens.
 */
const root = join(import.meta.dirname, '..', '..');
const bundle = join(root, 'dist', 'node', 'main.mjs');
const rendererDir = join(root, 'dist', 'renderer');
const APP_PAGE = 'app://decision-matrix/index.html';
const appFrame: SenderFrame = { url: APP_PAGE, parent: null };

let dataDir = '';
let web: HttpHost | undefined;
let webDb: Db | undefined;
let quit = false;

const emitQuit = async () => {
  quit = true;
  electron.app.emit('before-quit');
  // before-quit closes the workshop server without waiting (as in the shell); give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  electron.app.emit('will-quit');
};

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('dist/node/main.mjs is missing: run `npm run build` first');
  dataDir = mkdtempSync(join(tmpdir(), 'decision-matrix-shell-'));
  process.env[DATA_DIR_VARIABLE] = dataDir;
  await importWithStandInElectron(bundle);
  // The same promise the shell waits on: its ready callback has run once this resolves here.
  await electron.app.whenReady();
  // The browser host, over the same file, to compare answers with.
  webDb = openDecisionStore(databaseFile(dataDir));
  web = await startHttpHost({ dispatch: createDispatch(createHandlers(webDb)), staticDir: rendererDir });
});

afterAll(async () => {
  await web?.close();
  webDb?.close();
  if (!quit) await emitQuit();
  delete process.env[DATA_DIR_VARIABLE];
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Every method called through IPC from the app's own frame. */
const invoked = new Set<MethodName>();

const ipc = async (method: MethodName, input: unknown, frame: SenderFrame | null = appFrame): Promise<Result<any>> => {
  if (frame === appFrame) invoked.add(method);
  return (await invoke(ipcChannel(method), frame, input)) as Result<any>;
};

const http = async (method: MethodName, input: unknown): Promise<Result<any>> => {
  const response = await fetch(`${web!.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: web!.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Result<any>;
};

const valueOf = (result: Result<any>): any => {
  expect(result).toMatchObject({ ok: true });
  return (result as { value: unknown }).value;
};
const refused = (code: string) => (result: Result<any>) => expect(result).toMatchObject({ ok: false, error: { code } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mainWindow = (): StandInWindow => electron.BrowserWindow.created[0];

describe('starting the shell', () => {
  it('takes the single-instance lock and registers app:// as a privileged scheme', () => {
    expect(electron.app.quitCalls).toBe(0);
    expect(electron.protocol.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('creates one window with the secure web preferences and loads the app page in it', () => {
    expect(electron.BrowserWindow.created).toHaveLength(1);
    const window = mainWindow();
    expect(window.options).toMatchObject({ width: 1280, height: 860, minWidth: 800, minHeight: 560, show: false, title: 'Decision Matrix' });
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window.options.webPreferences.preload).toMatch(/[\\/]preload[\\/]preload\.cjs$/);
    expect(window.options.webPreferences.preload).toBe(join(root, 'dist', 'preload', 'preload.cjs'));
    expect(window.loadedUrls).toEqual([APP_PAGE]);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('opens the store in the data folder, refuses permission requests and makes the daily backup', async () => {
    expect(existsSync(databaseFile(dataDir))).toBe(true);
    // Marked open by this process, so `decision-matrix restore` will not swap it under the app.
    expect(existsSync(join(dataDir, `.${basename(databaseFile(dataDir))}.open-${process.pid}`))).toBe(true);
    expect(electron.dialog.errorBoxes).toEqual([]);
    expect(electron.app.exitCodes).toEqual([]);
    expect(electron.nativeTheme.themeSource).toBe('system');
    const callback = vi.fn();
    electron.session.defaultSession.permissionRequestHandler!(mainWindow().webContents, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const backups = join(dataDir, 'backups');
    // The copy is written under a temporary name and renamed when checked: wait for the rename.
    const finished = () => existsSync(backups) && readdirSync(backups).some((name) => !name.startsWith('.'));
    for (let i = 0; i < 250 && !finished(); i++) await sleep(20);
    expect(readdirSync(backups)).toEqual([expect.stringMatching(/^decision-matrix-\d{4}-\d{2}-\d{2}\.sqlite$/)]);
  });

  it('registers one IPC handler per contract method, on its channel, and no other', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
  });
});

describe('a call through IPC', () => {
  const seeded = async () => valueOf(await http('getDecision', { decisionId: valueOf(await http('listDecisions', {}))[0].id }));

  it('answers listDecisions as the browser host does', async () => {
    const viaIpc = await ipc('listDecisions', {});
    expect(valueOf(viaIpc).map((d: { title: string }) => d.title)).toEqual(['PyTorch vs TensorFlow']);
    expect(viaIpc).toEqual(await http('listDecisions', {}));
  });

  it('answers getDecision of the seeded decision as the browser host does', async () => {
    const { id } = await seeded();
    const viaIpc = await ipc('getDecision', { decisionId: id });
    expect(valueOf(viaIpc).options.length).toBeGreaterThanOrEqual(2);
    expect(viaIpc).toEqual(await http('getDecision', { decisionId: id }));
  });

  it('refuses a score outside the scale as the browser host does', async () => {
    const decision = await seeded();
    const input = { optionId: decision.options[0].id, criterionId: decision.criteria[0].id, value: 99 };
    const viaIpc = await ipc('setScore', input);
    refused('invalid-input')(viaIpc);
    expect(viaIpc).toEqual(await http('setScore', input));
    expect(await seeded()).toEqual(decision);
  });
});

describe('a call from a frame that is not the app', () => {
  it.each<[string, SenderFrame | null]>([
    ['a page on another site', { url: 'https://evil.example/', parent: null }],
    ['a subframe of the app page', { url: APP_PAGE, parent: appFrame }],
    ['a subframe on another site', { url: 'https://evil.example/frame', parent: appFrame }],
    ['a look-alike host', { url: 'app://decision-matrix.evil.example/index.html', parent: null }],
    ['a file: page', { url: 'file:///index.html', parent: null }],
    ['a frame already gone', null],
  ])('is refused as forbidden and changes nothing: %s', async (_, frame) => {
    const before = await http('listDecisions', {});
    const seededId = valueOf(before)[0].id;
    for (const [method, input] of [
      ['createDecision', { title: 'Planted' }],
      ['deleteDecision', { decisionId: seededId }],
      ['updateDecision', { decisionId: seededId, title: 'Renamed' }],
      ['listDecisions', {}],
    ] as const) {
      refused('forbidden')(await ipc(method, input, frame));
    }
    expect(await http('listDecisions', {})).toEqual(before);
  });
});

/**
 * Every contract method through IPC against the real store, in order (later steps use the ids
 * earlier ones made). A result that cannot be structured-cloned fails its step, as it would fail
 * the renderer's call in Electron.
 */
describe('every contract method through IPC, against the real store', () => {
  const ctx = { seeded: 0, d: 0, o1: 0, o2: 0, c1: 0, c2: 0, copy: 0, scenario: 0, round: 0, version: 0, code: '', workshop: '', duplicate: 0, doc: null as unknown, csv: '', workbook: '' };
  type Step = { label: string; run: () => Promise<void> };
  const steps: Step[] = [];
  const step = (method: MethodName, label: string, input: () => unknown, check: (result: Result<any>) => void | Promise<void>) =>
    steps.push({ label: `${method}: ${label}`, run: async () => check(await ipc(method, input())) });
  const aside = (label: string, run: () => Promise<void>) => steps.push({ label, run });
  const names = (rows: { name: string }[]) => rows.map((row) => row.name);
  const weightOf = (decision: any, criterionId: number) => decision.criteria.find((c: { id: number }) => c.id === criterionId).weight;

  step('listDecisions', 'lists the seeded decision', () => ({}), (r) => void (ctx.seeded = valueOf(r)[0].id));
  step('getDecision', 'reads it', () => ({ decisionId: ctx.seeded }), (r) => expect(valueOf(r).title).toBe('PyTorch vs TensorFlow'));
  step('getDecision', 'refuses input the contract does not accept', () => ({ decisionId: '1' }), refused('invalid-input'));
  step('createDecision', 'creates an empty decision', () => ({ title: 'Which queue?' }), (r) => {
    const decision = valueOf(r);
    expect(decision).toMatchObject({ title: 'Which queue?', options: [], criteria: [], status: 'open' });
    ctx.d = decision.id;
  });
  step('addOption', 'adds RabbitMQ', () => ({ decisionId: ctx.d, name: 'RabbitMQ' }), (r) => void (ctx.o1 = valueOf(r).options[0].id));
  step('addOption', 'adds Kafka', () => ({ decisionId: ctx.d, name: 'Kafka' }), (r) => void (ctx.o2 = valueOf(r).options[1].id));
  step('updateOption', 'describes RabbitMQ', () => ({ optionId: ctx.o1, description: 'AMQP broker' }), (r) =>
    expect(valueOf(r).options[0]).toMatchObject({ name: 'RabbitMQ', description: 'AMQP broker' }),
  );
  step('moveOption', 'puts Kafka first', () => ({ optionId: ctx.o2, toIndex: 0 }), (r) => expect(names(valueOf(r).options)).toEqual(['Kafka', 'RabbitMQ']));
  step('addCriterion', 'adds Throughput (1–5)', () => ({ decisionId: ctx.d, name: 'Throughput', scale: { min: 1, max: 5 } }), (r) =>
    void (ctx.c1 = valueOf(r).criteria[0].id),
  );
  step('addCriterion', 'adds a cost criterion', () => ({ decisionId: ctx.d, name: 'Running cost', direction: 'cost' }), (r) => {
    const criterion = valueOf(r).criteria[1];
    expect(criterion).toMatchObject({ name: 'Running cost', direction: 'cost' });
    ctx.c2 = criterion.id;
  });
  step('updateCriterion', 'describes Throughput', () => ({ criterionId: ctx.c1, description: 'Messages per second' }), (r) =>
    expect(valueOf(r).criteria[0].description).toBe('Messages per second'),
  );
  step('moveCriterion', 'puts the cost first', () => ({ criterionId: ctx.c2, toIndex: 0 }), (r) => expect(names(valueOf(r).criteria)).toEqual(['Running cost', 'Throughput']));
  for (const [option, criterion, value] of [['o1', 'c1', 3], ['o1', 'c2', 2], ['o2', 'c1', 5], ['o2', 'c2', 4]] as const) {
    step('setScore', `scores ${option} on ${criterion}`, () => ({ optionId: ctx[option], criterionId: ctx[criterion], value, rationale: 'benchmarks' }), (r) =>
      expect(valueOf(r).scores).toContainEqual(expect.objectContaining({ optionId: ctx[option], criterionId: ctx[criterion], value, rationale: 'benchmarks' })),
    );
  }
  step('setScore', 'refuses a score outside 1–5', () => ({ optionId: ctx.o1, criterionId: ctx.c1, value: 9 }), refused('invalid-input'));
  step('setWeights', 'weighs 60/40', () => ({ decisionId: ctx.d, weights: [{ criterionId: ctx.c1, weight: 60 }, { criterionId: ctx.c2, weight: 40 }] }), async (r) => {
    expect(valueOf(r)).toEqual({ decisionId: ctx.d, updatedAt: expect.any(String) });
    const stored = valueOf(await ipc('getDecision', { decisionId: ctx.d }));
    expect(weightOf(stored, ctx.c1)).toBe(60);
    expect(weightOf(stored, ctx.c2)).toBe(40);
  });
  step('updateDecision', 'records the outcome', () => ({ decisionId: ctx.d, context: 'The event bus', status: 'decided', chosenOptionId: ctx.o1, outcomeReason: 'We run it already' }), (r) =>
    expect(valueOf(r)).toMatchObject({ context: 'The event bus', status: 'decided', chosenOptionId: ctx.o1, outcomeReason: 'We run it already' }),
  );
  step('updateDecision', 'refuses an option of another decision', () => ({ decisionId: ctx.seeded, chosenOptionId: ctx.o1 }), refused('not-found'));
  step('duplicateDecision', 'copies it (on the bundled bulk worker thread)', () => ({ decisionId: ctx.d }), (r) => {
    const { decision: copy } = valueOf(r);
    expect(copy).toMatchObject({ title: 'Which queue? (copy)', optionCount: 2 });
    ctx.copy = copy.id;
  });
  step('exportDecision', 'exports the document', () => ({ decisionId: ctx.d }), (r) => {
    ctx.doc = valueOf(r);
    expect(ctx.doc).toMatchObject({ decision: { title: 'Which queue?' } });
  });
  step('importDecision', 'imports it back as a new decision', () => ({ text: JSON.stringify(ctx.doc) }), (r) => {
    expect(valueOf(r)).toMatchObject({ decision: { title: 'Which queue?', optionCount: 2 }, notes: [] });
    expect(valueOf(r).decision.id).not.toBe(ctx.d);
  });
  step('importDecision', 'refuses a file that is not JSON, in words', () => ({ text: '{"format": ' }), refused('invalid-input'));
  step('bulkProgress', 'says no import runs', () => ({}), (r) => expect(valueOf(r)).toBeNull());
  step('exportCsv', 'exports the spreadsheet', () => ({ decisionId: ctx.d }), (r) => {
    ctx.csv = valueOf(r).text;
    expect(ctx.csv).toMatch(/^Criterion,Weight,Direction,Min,Max,Kafka,RabbitMQ,Rationale: Kafka,Source: Kafka,Rationale: RabbitMQ,Source: RabbitMQ\r\n/);
  });
  step('importCsv', 'imports the spreadsheet', () => ({ title: 'From a spreadsheet', text: ctx.csv }), (r) =>
    expect(valueOf(r)).toMatchObject({ decision: { title: 'From a spreadsheet', optionCount: 2 }, notes: [] }),
  );
  step('exportXlsx', 'exports the workbook, answering later', () => ({ decisionId: ctx.d }), (r) => {
    ctx.workbook = valueOf(r).base64;
    // An .xlsx file is a zip archive: "PK".
    expect(Buffer.from(ctx.workbook, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
  step('importXlsx', 'imports the workbook', () => ({ title: 'From a workbook', base64: ctx.workbook }), (r) =>
    expect(valueOf(r)).toMatchObject({ decision: { title: 'From a workbook', optionCount: 2 }, notes: [] }),
  );
  step('importXlsx', 'refuses a file that is not a workbook', () => ({ title: 'Broken', base64: Buffer.from('a,b\n').toString('base64') }), refused('invalid-input'));
  step('importCsv', 'refuses a file without the columns', () => ({ title: 'Broken', text: 'a,b\n1,2\n' }), refused('invalid-input'));
  step('listTemplates', 'lists the built-in decisions', () => ({}), (r) => expect(valueOf(r)).toContainEqual({ name: 'pytorch-vs-tensorflow', title: 'PyTorch vs TensorFlow' }));
  step('createFromTemplate', 'creates one', () => ({ name: 'pytorch-vs-tensorflow' }), (r) => expect(valueOf(r).title).toBe('PyTorch vs TensorFlow'));
  step('createFromTemplate', 'refuses an unknown name', () => ({ name: 'no-such-template' }), refused('not-found'));
  step('listScenarios', 'lists the seeded weightings', () => ({ decisionId: ctx.seeded }), (r) =>
    expect(names(valueOf(r))).toEqual(['Research and prototyping', 'Large-scale production']),
  );
  step('saveScenario', 'keeps 60/40', () => ({ decisionId: ctx.d, name: 'Sixty-forty' }), (r) => {
    const [scenario] = valueOf(r);
    expect(scenario).toMatchObject({ name: 'Sixty-forty', weights: { [ctx.c1]: 60, [ctx.c2]: 40 } });
    ctx.scenario = scenario.id;
  });
  step('setWeighting', 'switches to AHP with one judgment, keeping the sliders', () => ({ decisionId: ctx.d, method: 'ahp', judgments: [{ more: ctx.c1, less: ctx.c2, ratio: 3 }] }), async (r) => {
    expect(valueOf(r).decisionId).toBe(ctx.d);
    const stored = valueOf(await ipc('getDecision', { decisionId: ctx.d }));
    expect(stored.weighting).toMatchObject({ method: 'ahp', judgments: [{ more: ctx.c1, less: ctx.c2, ratio: 3 }] });
    expect(weightOf(stored, ctx.c1)).toBe(60);
  });
  step('setWeighting', 'refuses a criterion judged against itself', () => ({ decisionId: ctx.d, judgments: [{ more: ctx.c1, less: ctx.c1, ratio: 3 }] }), refused('invalid-input'));
  step('setWeighting', 'goes back to the sliders', () => ({ decisionId: ctx.d, method: 'direct' }), (r) => expect(valueOf(r).decisionId).toBe(ctx.d));
  step('setWeights', 'weighs 10/90', () => ({ decisionId: ctx.d, weights: [{ criterionId: ctx.c1, weight: 10 }, { criterionId: ctx.c2, weight: 90 }] }), async (r) => {
    expect(valueOf(r).decisionId).toBe(ctx.d);
    expect(weightOf(valueOf(await ipc('getDecision', { decisionId: ctx.d })), ctx.c1)).toBe(10);
  });
  step('applyScenario', 'brings 60/40 back', () => ({ scenarioId: ctx.scenario }), (r) => expect(weightOf(valueOf(r), ctx.c1)).toBe(60));
  step('deleteScenario', 'deletes it', () => ({ scenarioId: ctx.scenario }), (r) => expect(valueOf(r)).toEqual([]));
  step('applyScenario', 'refuses the deleted scenario', () => ({ scenarioId: ctx.scenario }), refused('not-found'));

  step('startRound', 'opens a workshop round where people also score Throughput', () => ({ decisionId: ctx.d, scoreCriteria: [ctx.c1] }), (r) => {
    const round = valueOf(r);
    expect(round).toMatchObject({ decisionId: ctx.d, state: 'open', rule: 'geometric-mean', scoreRule: 'median', scoreCriteria: [ctx.c1], participants: [], result: null, scores: null });
    ctx.round = round.id;
    ctx.code = round.code;
  });
  step('getRound', 'shows the join link once the workshop server is up', () => ({ roundId: ctx.round }), async (r) => {
    let round = valueOf(r);
    for (let i = 0; i < 100 && round.joinUrl === null; i++) {
      await sleep(20);
      round = valueOf(await ipc('getRound', { roundId: ctx.round }));
    }
    expect(round.joinUrl).toMatch(new RegExp(`^http://[^/]+/join\\?code=${ctx.code}$`));
    ctx.workshop = new URL(round.joinUrl).origin;
  });
  aside('a participant joins and submits weights on the workshop server', async () => {
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
      (await (await fetch(`${ctx.workshop}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })).json()) as Result<any>;
    const { token } = valueOf(await post('/w/join', { code: ctx.code, name: 'Ana' }));
    valueOf(await post('/w/submit', { weights: { [ctx.c1]: 70, [ctx.c2]: 30 }, scores: { [ctx.c1]: { [ctx.o1]: { value: 4, reason: 'we ran it' } } } }, { [PARTICIPANT_TOKEN_HEADER]: token }));
    // Ana again from another browser: told apart as "Ana (2)", and removed below.
    valueOf(await post('/w/join', { code: ctx.code, name: 'Ana' }));
    const round = valueOf(await ipc('getRound', { roundId: ctx.round }));
    ctx.duplicate = round.participants.find((p: { name: string }) => p.name === 'Ana (2)').id;
  });
  step('removeParticipant', 'removes the second Ana', () => ({ roundId: ctx.round, participantId: ctx.duplicate }), (r) =>
    expect(valueOf(r).participants).toEqual([expect.objectContaining({ name: 'Ana', submitted: true })]),
  );
  step('listRounds', 'lists the open round with its submission', () => ({ decisionId: ctx.d }), (r) =>
    expect(valueOf(r)).toEqual([expect.objectContaining({ id: ctx.round, state: 'open', participants: [expect.objectContaining({ name: 'Ana', submitted: true })] })]),
  );
  step('updateRound', 'adds five minutes', () => ({ roundId: ctx.round, addMinutes: 5 }), (r) => expect(valueOf(r).endsAt).not.toBeNull());
  // From here on the round carries its group result, which must survive structured clone (it once
  // held a function, DecisionScores.contribution, that Electron's IPC refused).
  step('updateRound', 'reveals the round', () => ({ roundId: ctx.round, state: 'revealed', shareResult: true }), (r) => {
    const round = valueOf(r);
    expect(round).toMatchObject({ state: 'revealed', shareResult: true, joinUrl: null, resultProblem: null });
    expect(round.result.weights.weights[ctx.c1]).toBeCloseTo(0.7, 9);
  });
  step('getRound', 'shows the revealed result', () => ({ roundId: ctx.round }), (r) => expect(valueOf(r)).toMatchObject({ state: 'revealed', result: { weights: expect.anything() } }));
  step('listRounds', 'lists the revealed round', () => ({ decisionId: ctx.d }), (r) => expect(valueOf(r)).toEqual([expect.objectContaining({ state: 'revealed' })]));
  step('openWorkspace', 'brings the decision, its scenarios and its revealed round in one answer', () => ({ decisionId: ctx.d }), (r) => {
    const workspace = valueOf(r);
    expect(workspace.decision.id).toBe(ctx.d);
    expect(workspace.decisions.map((d: { id: number }) => d.id)).toContain(ctx.seeded);
    expect(workspace.rounds).toEqual([expect.objectContaining({ id: ctx.round, state: 'revealed', result: expect.anything() })]);
  });
  step('applyGroupWeights', "takes the group's weights", () => ({ roundId: ctx.round }), (r) => {
    expect(weightOf(valueOf(r), ctx.c1)).toBeCloseTo(70, 9);
    expect(weightOf(valueOf(r), ctx.c2)).toBeCloseTo(30, 9);
  });
  step('applyGroupScores', "puts the group's score into the matrix", () => ({ roundId: ctx.round }), (r) =>
    expect(valueOf(r).scores).toContainEqual(expect.objectContaining({ optionId: ctx.o1, criterionId: ctx.c1, value: 4, rationale: 'benchmarks' })),
  );
  step('keepGroupWeights', 'keeps them as a scenario', () => ({ roundId: ctx.round, name: 'Workshop' }), (r) => expect(names(valueOf(r))).toEqual(['Workshop']));
  step('updateRound', 'closes the round', () => ({ roundId: ctx.round, state: 'closed' }), (r) => expect(valueOf(r)).toMatchObject({ state: 'closed', joinUrl: null }));
  step('updateRound', 'refuses to reopen a closed round', () => ({ roundId: ctx.round, state: 'revealed' }), refused('conflict'));
  step('getRound', 'refuses an unknown round', () => ({ roundId: 999_999 }), refused('not-found'));

  step('listVersions', 'lists the version the reveal kept', () => ({ decisionId: ctx.d }), (r) => expect(valueOf(r).map((v: { reason: string }) => v.reason)).toContain('reveal'));
  step('saveVersion', 'keeps one by hand', () => ({ decisionId: ctx.d, name: 'Two options' }), (r) => void (ctx.version = valueOf(r).at(-1).id));
  step('removeOption', 'removes Kafka', () => ({ optionId: ctx.o2 }), (r) => expect(names(valueOf(r).options)).toEqual(['RabbitMQ']));
  step('historyState', 'knows what undo would take back', () => ({ decisionId: ctx.d }), (r) => expect(valueOf(r)).toEqual({ undo: 'remove option “Kafka”', redo: null }));
  step('undo', 'brings Kafka back', () => ({ decisionId: ctx.d }), (r) => expect(names(valueOf(r).decision.options)).toEqual(['Kafka', 'RabbitMQ']));
  step('redo', 'removes it again', () => ({ decisionId: ctx.d }), (r) => expect(names(valueOf(r).decision.options)).toEqual(['RabbitMQ']));
  step('getVersion', 'opens the version with both options', () => ({ versionId: ctx.version }), (r) => expect(names(valueOf(r).decision.options)).toEqual(['Kafka', 'RabbitMQ']));
  step('restoreVersion', 'puts Kafka back', () => ({ versionId: ctx.version }), (r) => expect(names(valueOf(r).options)).toEqual(['Kafka', 'RabbitMQ']));
  step('removeOption', 'removes Kafka once more', () => ({ optionId: ctx.o2 }), (r) => expect(names(valueOf(r).options)).toEqual(['RabbitMQ']));
  step('removeCriterion', 'removes the cost', () => ({ criterionId: ctx.c2 }), (r) => expect(names(valueOf(r).criteria)).toEqual(['Throughput']));
  step('deleteDecision', 'deletes the copy', () => ({ decisionId: ctx.copy }), (r) => expect(valueOf(r)).toEqual({ deletedId: ctx.copy }));
  step('getDecision', 'no longer finds the copy', () => ({ decisionId: ctx.copy }), refused('not-found'));
  aside('the browser host, over the same file, sees what IPC wrote', async () => {
    expect(await ipc('listDecisions', {})).toEqual(await http('listDecisions', {}));
    expect(await ipc('getDecision', { decisionId: ctx.d })).toEqual(await http('getDecision', { decisionId: ctx.d }));
  });

  for (const { label, run } of steps) it(label, run);

  it('drove every contract method', () => {
    expect([...invoked].sort()).toEqual([...methodNames].sort());
  });
});

describe('the app:// protocol', () => {
  const fetchApp = async (url: string): Promise<{ status: number | 'rejected'; headers?: Headers; body?: string }> => {
    const handler = electron.protocol.handlers.get('app');
    if (!handler) throw new Error('no handler was registered for app://');
    try {
      const response = await handler(new Request(url));
      return { status: response.status, headers: response.headers, body: await response.text() };
    } catch {
      return { status: 'rejected' };
    }
  };

  it.each([APP_PAGE, 'app://decision-matrix/'])('serves index.html with the security headers: %s', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(200);
    expect(response.headers!.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers!.get('x-content-type-options')).toBe('nosniff');
    expect(response.body).toBe(readFileSync(join(rendererDir, 'index.html'), 'utf8'));
  });

  it('serves the built assets', async () => {
    const asset = readdirSync(join(rendererDir, 'assets')).find((name) => name.endsWith('.js'))!;
    const response = await fetchApp(`app://decision-matrix/assets/${asset}`);
    expect(response.status).toBe(200);
    expect(response.body).toBe(readFileSync(join(rendererDir, 'assets', asset), 'utf8'));
  });

  it.each([
    'app://decision-matrix/..%2f..%2fpackage.json',
    'app://decision-matrix/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://decision-matrix/assets/..%2f..%2f..%2fpackage.json',
    'app://decision-matrix/..%5c..%5cpackage.json',
    'app://decision-matrix/index.html%00.png',
    'app://evil.example/index.html',
    'app://decision-matrix.evil.example/index.html',
  ])('answers 404 for a path outside the renderer or another host: %s', async (url) => {
    const response = await fetchApp(url);
    // (%5c is not a separator on POSIX: a file name inside the renderer folder, which does not exist.)
    expect(response.status).toBe(404);
  });

  it.each(['app://decision-matrix/../../package.json', 'app://decision-matrix/%2e%2e/%2e%2e/package.json', 'app://decision-matrix/assets/'])(
    'answers 404 for a file missing from the renderer folder, or a folder: %s',
    async (url) => {
      // The first two become app://decision-matrix/package.json, inside the folder but missing there.
      const response = await fetchApp(url);
      expect(response.status).toBe(404);
      expect(response.body ?? '').not.toContain('"name": "decision-matrix"');
    },
  );
});

describe('the application menu', () => {
  type Item = { label?: string; accelerator?: string; submenu?: Item[]; click?: (item: unknown, window: unknown) => void };
  const flatten = (items: Item[]): Item[] => items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
  const items = () => flatten(electron.Menu.applicationMenu!.template as Item[]);
  const item = (label: string) => items().find((i) => i.label === label)!;

  it('is the menu built last', () => {
    expect(electron.Menu.built.length).toBeGreaterThan(0);
    expect(electron.Menu.applicationMenu).toBe(electron.Menu.built.at(-1));
  });

  it.each([
    ['New Decision', 'CmdOrCtrl+N'],
    ['Import Decision (JSON)…', 'CmdOrCtrl+O'],
    ['Export PDF…', 'CmdOrCtrl+P'],
    ['Export JSON…', 'CmdOrCtrl+Shift+E'],
  ])('has %s on %s', (label, accelerator) => {
    expect(item(label)?.accelerator).toBe(accelerator);
  });

  it('has Undo and Redo in the Edit menu, sent to the page of the window they were used from', () => {
    const edit = (electron.Menu.applicationMenu!.template as Item[]).find((i) => i.label === 'Edit')!;
    expect(edit.submenu!.slice(0, 2).map((i) => [i.label, i.accelerator])).toEqual([
      ['Undo', 'CmdOrCtrl+Z'],
      ['Redo', process.platform === 'darwin' ? 'Shift+Cmd+Z' : 'Ctrl+Y'],
    ]);
    const scripts = mainWindow().webContents.scripts;
    const before = scripts.length;
    item('Undo').click!({}, mainWindow());
    item('Redo').click!({}, mainWindow());
    expect(scripts.slice(before)).toEqual([
      `window.dispatchEvent(new CustomEvent("decision-matrix:history", { detail: "undo" }))`,
      `window.dispatchEvent(new CustomEvent("decision-matrix:history", { detail: "redo" }))`,
    ]);
    // Used from no window (the menu with every window closed), it does nothing.
    item('Undo').click!({}, undefined);
    expect(scripts.length).toBe(before + 2);
  });

  it('uses each accelerator once', () => {
    const accelerators = items().flatMap((i) => (i.accelerator ? [i.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('New Decision opens the new-decision page in the window it was used from', () => {
    item('New Decision').click!({}, mainWindow());
    expect(mainWindow().loadedUrls.at(-1)).toBe(`${APP_PAGE}#new`);
  });

  it('is rebuilt when the window gains focus, with Open Recent up to date', async () => {
    valueOf(await ipc('createDecision', { title: 'Made just now' }));
    const built = electron.Menu.built.length;
    mainWindow().emit('focus');
    expect(electron.Menu.built.length).toBe(built + 1);
    const recent = item('Open Recent').submenu!.map((i) => i.label);
    expect(recent).toContain('Made just now');
    expect(recent).toContain('PyTorch vs TensorFlow');
  });
});

describe('navigation and new windows', () => {
  const prevented = (event: string, url: string): boolean => {
    const listeners = mainWindow().webContents.listeners(event);
    expect(listeners).toHaveLength(1);
    const preventDefault = vi.fn();
    for (const listener of listeners) listener({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };

  it.each(['will-navigate', 'will-redirect'])('%s: leaving the app is prevented, app pages are not', (event) => {
    expect(prevented(event, 'https://example.com')).toBe(true);
    expect(prevented(event, 'file:///etc/passwd')).toBe(true);
    expect(prevented(event, 'app://decision-matrix.evil.example/index.html')).toBe(true);
    expect(prevented(event, APP_PAGE)).toBe(false);
    expect(prevented(event, `${APP_PAGE}#decision=1`)).toBe(false);
  });

  it('refuses to attach a webview', () => {
    expect(prevented('will-attach-webview', 'https://example.com')).toBe(true);
  });

  it('denies every window.open and hands only http(s) links to the OS browser', () => {
    const open = mainWindow().webContents.windowOpenHandler!;
    electron.shell.openedExternally.length = 0;
    for (const url of ['https://example.com/docs', 'http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', APP_PAGE, 'https://user:secret@example.com/', 'mailto:a@example.com']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openedExternally).toEqual(['https://example.com/docs', 'http://example.org/']);
  });
});

describe('the window coming and going', () => {
  it('saves its bounds when closed, and a new window opens on activate with them', () => {
    const first = mainWindow();
    first.emit('close');
    expect(JSON.parse(readFileSync(join(dataDir, 'desktop.json'), 'utf8'))).toEqual({ bounds: { x: 40, y: 30, width: 1280, height: 860 }, maximized: false, theme: 'system' });
    first.emit('closed');
    electron.app.emit('activate');
    expect(electron.BrowserWindow.created).toHaveLength(2);
    expect(electron.BrowserWindow.created[1].options).toMatchObject({ x: 40, y: 30, width: 1280, height: 860 });
    expect(electron.BrowserWindow.created[1].loadedUrls).toEqual([APP_PAGE]);
  });

  it('quits when the last window closes (except on macOS)', () => {
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCalls).toBe(process.platform === 'darwin' ? 0 : 1);
  });
});

describe('quitting', () => {
  it('closes the store on will-quit', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await emitQuit();
      expect(await ipc('listDecisions', {})).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/not open/) } });
      expect(errors).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
