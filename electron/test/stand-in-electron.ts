import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createRequire, register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A stand-in for the `electron` module, so the built main process can run in plain Node: no
 * Electron binary runs on these machines. Each fake records what the shell asked of it and does
 * no more than the shell needs back; nothing here opens a window or talks to Chromium.
 */
type Handler = (...args: any[]) => any;

class StandInApp extends EventEmitter {
  readonly #ready = Promise.resolve();
  quitCalls = 0;
  readonly exitCodes: number[] = [];
  readonly aboutPanels: unknown[] = [];
  requestSingleInstanceLock(): boolean {
    return true;
  }
  /** Always the same promise, so a caller's `then` runs after the shell's. */
  whenReady(): Promise<void> {
    return this.#ready;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
  getPath(name: string): string {
    throw new Error(`stand-in app.getPath('${name}'): give the app a folder with DECISION_MATRIX_DATA_DIR`);
  }
  getVersion(): string {
    return '0.0.0-stand-in';
  }
  setAboutPanelOptions(options: unknown): void {
    this.aboutPanels.push(options);
  }
  showAboutPanel(): void {}
}

class StandInWebContents extends EventEmitter {
  windowOpenHandler: Handler | null = null;
  readonly scripts: string[] = [];
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code);
    return Promise.resolve(null);
  }
}

class StandInBrowserWindow extends EventEmitter {
  static readonly created: StandInBrowserWindow[] = [];
  readonly webContents = new StandInWebContents();
  readonly loadedUrls: string[] = [];
  shown = false;
  maximized = false;
  destroyed = false;
  constructor(readonly options: Record<string, any>) {
    super();
    StandInBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  getBounds() {
    return { x: 40, y: 30, width: this.options.width as number, height: this.options.height as number };
  }
  setProgressBar(): void {}
  destroy(): void {
    this.destroyed = true;
  }
}

const ipcHandlers = new Map<string, Handler>();
const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
const privilegedSchemes: unknown[] = [];
const builtMenus: { template: any[] }[] = [];

export const electron = {
  app: new StandInApp(),
  BrowserWindow: StandInBrowserWindow,
  ipcMain: {
    handlers: ipcHandlers,
    handle(channel: string, handler: Handler): void {
      // Electron refuses a second handler on a channel; so does the stand-in.
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    },
  },
  protocol: {
    privilegedSchemes,
    handlers: protocolHandlers,
    registerSchemesAsPrivileged(schemes: unknown[]): void {
      privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
      protocolHandlers.set(scheme, handler);
    },
  },
  net: {
    /** Only what the app:// handler uses: file: URLs. A missing file rejects, as Electron's does (net::ERR_FILE_NOT_FOUND). */
    async fetch(url: string): Promise<Response> {
      if (!url.startsWith('file:')) throw new Error(`the stand-in net.fetch reads file: URLs only, not ${url}`);
      return new Response(await readFile(fileURLToPath(url)));
    },
  },
  Menu: {
    built: builtMenus,
    applicationMenu: null as { template: any[] } | null,
    buildFromTemplate(template: any[]): { template: any[] } {
      const menu = { template };
      builtMenus.push(menu);
      return menu;
    },
    setApplicationMenu(menu: { template: any[] } | null): void {
      electron.Menu.applicationMenu = menu;
    },
  },
  dialog: {
    errorBoxes: [] as [string, string][],
    messageBoxes: [] as unknown[],
    showErrorBox(title: string, content: string): void {
      electron.dialog.errorBoxes.push([title, content]);
    },
    showMessageBox(_window: unknown, options: unknown): Promise<{ response: number }> {
      electron.dialog.messageBoxes.push(options);
      return Promise.resolve({ response: 0 });
    },
    showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
      return Promise.resolve({ canceled: true, filePaths: [] });
    },
    showSaveDialog(): Promise<{ canceled: boolean; filePath?: string }> {
      return Promise.resolve({ canceled: true });
    },
  },
  shell: {
    openedExternally: [] as string[],
    openedPaths: [] as string[],
    openExternal(url: string): Promise<void> {
      electron.shell.openedExternally.push(url);
      return Promise.resolve();
    },
    openPath(path: string): Promise<string> {
      electron.shell.openedPaths.push(path);
      return Promise.resolve('');
    },
  },
  session: {
    defaultSession: {
      permissionRequestHandler: null as Handler | null,
      setPermissionRequestHandler(handler: Handler): void {
        electron.session.defaultSession.permissionRequestHandler = handler;
      },
    },
  },
  nativeTheme: { themeSource: 'system' as string },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
};

export type StandInWindow = StandInBrowserWindow;

/** The frame an IPC message comes from (the part of Electron's WebFrameMain the shell reads). */
export interface SenderFrame {
  url: string;
  parent: SenderFrame | null;
}

/**
 * What ipcRenderer.invoke does, as far as the main process can tell: the input and the answer
 * are structured-cloned (which throws on a function, as Electron's IPC does), and the handler
 * gets an event naming the sending frame.
 */
export async function invoke(channel: string, senderFrame: SenderFrame | null, input: unknown): Promise<unknown> {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  const event = { sender: StandInBrowserWindow.created[0]?.webContents, senderFrame, processId: 1, frameId: 1 };
  return structuredClone(await handler(event, structuredClone(input)));
}

const dataUrl = (source: string) => `data:text/javascript,${encodeURIComponent(source)}`;
const GLOBAL_KEY = 'decision-matrix: stand-in electron';

/**
 * Imports a built bundle with Node's own loader, 'electron' resolving to this stand-in. Vitest's
 * module runner would resolve 'electron' to the npm package (which only launches the binary), so
 * a resolve hook answers instead, with a module that re-exports the object above from globalThis:
 * the bundle and the test then share one instance.
 */
export async function importWithStandInElectron(bundle: string): Promise<void> {
  (globalThis as Record<symbol, unknown>)[Symbol.for(GLOBAL_KEY)] = electron;
  const bridge = `const e = globalThis[Symbol.for(${JSON.stringify(GLOBAL_KEY)})]; export default e; export const { ${Object.keys(electron).join(', ')} } = e;`;
  const hooks = `export async function resolve(specifier, context, next) {
    return specifier === 'electron' ? { url: ${JSON.stringify(dataUrl(bridge))}, shortCircuit: true } : next(specifier, context);
  }`;
  register(dataUrl(hooks));
  // A dynamic import written here would go through Vitest's runner too; one in a CommonJS file is Node's.
  const nativeImport = createRequire(import.meta.url)('./native-import.cjs') as (url: string) => Promise<unknown>;
  await nativeImport(pathToFileURL(bundle).href);
}
