import { mountPage } from '@/components/mount';
import { PreflightPage } from './PreflightPage';
import './preflight.css';

mountPage(<PreflightPage />);
