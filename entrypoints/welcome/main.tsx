import { mountPage } from '@/components/mount';
import { WelcomePage } from './WelcomePage';
import './welcome.css';

mountPage(<WelcomePage />);
