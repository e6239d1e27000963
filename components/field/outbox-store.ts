// The outbox on the device: interviews submitted on this device that the server has not
// confirmed yet, in IndexedDB (it survives reloads, a closed app and a new deployment, and holds
// far more than localStorage). Every change is announced on a BroadcastChannel, so the count in
// the navigation and the list follow it in every tab.
import type { OutboxItem } from "./outbox-queue";

const DB_NAME = "cxmap-field";
const STORE = "outbox";
const CHANNEL = "cxmap-outbox";

/**
 * Opens the outbox's database. Reading never creates it (`create` false answers null when it
 * does not exist): after signing out cleared the device, a list or a count must not bring an
 * empty database back.
 */
function openDb(create: boolean): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    let absent = false;
    request.onupgradeneeded = (event) => {
      if (!create && event.oldVersion === 0) {
        absent = true;
        request.transaction?.abort();
        return;
      }
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: "id" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      if (!absent) return reject(request.error);
      event.preventDefault();
      resolve(null);
    };
    request.onblocked = () => reject(new Error("The device storage is in use by another tab."));
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | null): Promise<T | undefined> {
  const db = await openDb(mode === "readwrite");
  if (!db) return undefined;
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

function announce() {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage("changed");
    channel.close();
  } catch {
    // No BroadcastChannel: this tab still hears the window event below.
  }
  window.dispatchEvent(new Event(CHANNEL));
}

/** Calls `onChange` whenever the outbox changes, in this tab or another. */
export function subscribeOutbox(onChange: () => void): () => void {
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = onChange;
  } catch {
    channel = null;
  }
  window.addEventListener(CHANNEL, onChange);
  return () => {
    channel?.close();
    window.removeEventListener(CHANNEL, onChange);
  };
}

/** This user's interviews in the outbox of this workspace (every workspace without one). */
export async function listOutbox(userId: string, workspaceId?: string): Promise<OutboxItem[]> {
  if (typeof indexedDB === "undefined") return [];
  const all = ((await withStore("readonly", (store) => store.getAll())) ?? []) as OutboxItem[];
  return all.filter((item) => item.userId === userId && (workspaceId === undefined || item.workspaceId === workspaceId));
}

export async function putOutbox(item: OutboxItem): Promise<void> {
  await withStore("readwrite", (store) => store.put(item));
  announce();
}

export async function removeOutbox(id: string): Promise<void> {
  await withStore("readwrite", (store) => store.delete(id));
  announce();
}

/** How many interviews wait on this device, whoever recorded them (for signing out). */
export async function countOutbox(): Promise<number> {
  if (typeof indexedDB === "undefined") return 0;
  return (await withStore("readonly", (store) => store.count())) ?? 0;
}

/**
 * Removes everything cxmap keeps on this device: the outbox, the drafts, the cached pages with
 * the maps' designs and the respondents, and the service worker's copies. For signing out.
 */
export async function clearDeviceData(): Promise<void> {
  const work: Promise<unknown>[] = [];
  if (typeof indexedDB !== "undefined") {
    work.push(
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(DB_NAME);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
    );
  }
  // The worker drops its caches and any copy it is keeping at this moment; this page drops them too.
  work.push(askWorkerToClear());
  if (typeof caches !== "undefined") {
    work.push(caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith("cxmap-")).map((name) => caches.delete(name)))));
  }
  try {
    for (const key of Object.keys(window.localStorage)) if (key.startsWith("cxmap:")) window.localStorage.removeItem(key);
  } catch {
    // Storage refused altogether: there is nothing in it either.
  }
  await Promise.allSettled(work);
  announce();
}

/** Asks the service worker to clear its caches; resolves when it has (or after 3 s without an answer). */
async function askWorkerToClear(): Promise<void> {
  const worker = typeof navigator !== "undefined" ? navigator.serviceWorker?.controller : null;
  if (!worker) return;
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    const timer = window.setTimeout(resolve, 3_000);
    channel.port1.onmessage = () => {
      window.clearTimeout(timer);
      resolve();
    };
    worker.postMessage({ type: "clear" }, [channel.port2]);
  });
}
