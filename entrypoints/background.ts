import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring grows feature by feature: badge per tab, vault key custody, alarms.
});
