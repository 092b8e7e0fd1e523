import { mountPage } from '@/components/mount';
import { AgreementPage } from './AgreementPage';

mountPage(<AgreementPage />);
