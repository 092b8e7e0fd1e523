import { mountPage } from '@/components/mount';
import { ClientSheetPage } from './ClientSheetPage';

mountPage(<ClientSheetPage />);
