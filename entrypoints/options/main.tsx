import { mountPage } from '@/components/mount';
import { OptionsPage } from './OptionsPage';
import './options.css';

mountPage(<OptionsPage />);
