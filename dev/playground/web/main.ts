import type { Regions } from './draw';
import { wire } from './events';
import { Playground } from './playground';

/** Entry point of the playground page: finds the regions of index.html, wires events, starts polling. */

function region<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`index.html has no #${id}`);
  return element;
}

function start(): void {
  const regions: Regions = {
    workspaces: region('workspaces', HTMLElement),
    sidebar: region('sidebar', HTMLElement),
    violations: region('violations', HTMLElement),
    mainHeader: region('main-header', HTMLElement),
    messages: region('messages', HTMLElement),
    home: region('home', HTMLElement),
    composerArea: region('composer-area', HTMLElement),
    composer: region('composer', HTMLTextAreaElement),
    notice: region('composer-notice', HTMLElement),
    thread: region('thread', HTMLElement),
    threadContent: region('thread-content', HTMLElement),
    threadComposer: region('thread-composer', HTMLTextAreaElement),
    modals: region('modals', HTMLElement),
    dialog: region('dialog', HTMLElement),
    toasts: region('toasts', HTMLElement),
  };
  const playground = new Playground(regions);
  wire(playground, regions);
  playground.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
