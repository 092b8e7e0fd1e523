import { browser } from 'wxt/browser';
import { mountPage } from '@/components/mount';
import { checklistStore, type StorageArea } from '@/lib/checklist/persistence';
import { Checklist } from './Checklist';
import './popup.css';

const area = (storage: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }): StorageArea => ({
  get: (key) => storage.get(key),
  set: (items) => storage.set(items),
});

// storage.session where the browser has it (Chrome 102+, Firefox 115+), else storage.local.
const store = checklistStore({
  ...(browser.storage.session ? { session: area(browser.storage.session) } : {}),
  local: area(browser.storage.local),
});

mountPage(<Checklist store={store} />);
