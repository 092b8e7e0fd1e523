import { mountPage } from '@/components/mount';
import { vault } from '@/lib/vault-client';
import { NotesPage } from './NotesPage';
import type { VaultApi } from './vault-api';
import '@/components/forms/forms.css';
import './notes.css';

// The real client, checked against the interface the page is written for.
const api: VaultApi = vault;

mountPage(<NotesPage api={api} />);
