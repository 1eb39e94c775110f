import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, methodNames, type Client } from '../../core/contract';

/** Exactly one function per contract method; the renderer never sees ipcRenderer itself. */
const bridge = Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)])) as unknown as Client;

contextBridge.exposeInMainWorld('decisionMatrix', bridge);
