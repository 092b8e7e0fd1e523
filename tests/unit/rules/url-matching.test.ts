import { describe, expect, it } from 'vitest';
import { platformForUrl } from '@/lib/rules/match';
import { platforms } from '@/rules/index';

const idFor = (url: string | URL) => platformForUrl(url, platforms)?.id;

/** [url, expected platform id or undefined, why] */
const cases: [string, string | undefined, string][] = [
  // Zoom: join links, the web client, regional sub-domains, government cloud
  ['https://us02web.zoom.us/wc/123/join', 'zoom', 'web client on a regional sub-domain'],
  ['https://zoom.us/j/123?pwd=x', 'zoom', 'join link with passcode'],
  ['https://us06web.zoom.us/j/85512345678?pwd=abc.1', 'zoom', 'regional join link'],
  ['https://zoom.us/wc/join/123', 'zoom', 'web client join page'],
  ['https://app.zoom.us/wc/home', 'zoom', 'web app'],
  ['https://zoom.com/', 'zoom', 'zoom.com'],
  ['https://www.zoomgov.com/j/1612345678', 'zoom', 'Zoom for Government'],
  ['https://ZOOM.US/j/123', 'zoom', 'upper-case host'],
  ['https://Us02Web.Zoom.Us/wc/123/join', 'zoom', 'mixed-case host'],
  ['https://zoom.us./j/123', 'zoom', 'trailing root dot'],
  ['https://zoom.us:443/j/123', 'zoom', 'explicit default port'],
  ['https://zoom.us:8443/j/123', 'zoom', 'unusual port on the same host'],
  ['http://zoom.us/j/123', undefined, 'plain http is never the platform'],
  ['https://zoom.us.example.net/', undefined, 'platform host used as a sub-domain of another site'],
  ['https://evilzoom.us/', undefined, 'look-alike without a dot boundary'],
  ['https://zoom.usa.example/', undefined, 'look-alike suffix'],
  ['https://zoom.us@evil.example/j/1', undefined, 'user-info trick: the host is evil.example'],
  ['https://evil.example/?next=https://zoom.us/j/1', undefined, 'platform URL inside a query string'],
  ['https://evil.example/#zoom.us', undefined, 'platform host in a fragment'],
  ['https://xn--zm-wjba.us/', undefined, 'punycode look-alike (Cyrillic o)'],
  // Google Meet and Gmail share google.com but not a host
  ['https://meet.google.com/abc-defg-hij', 'google-meet', 'meeting code'],
  ['https://meet.google.com/abc-defg-hij?authuser=1', 'google-meet', 'meeting code with account index'],
  ['https://meet.google.com/landing', 'google-meet', 'Meet landing page'],
  ['https://meet.google.com.evil.io/', undefined, 'Meet host as a sub-domain of another site'],
  ['https://www.google.com/', undefined, 'Google search is not Meet'],
  ['https://mail.google.com/mail/u/0/#inbox', 'gmail', 'Gmail inbox'],
  ['https://mail.google.com/mail/u/1/#compose', 'gmail', 'Gmail compose on a second account'],
  ['https://mail.google.com.evil.io/mail/', undefined, 'Gmail host as a sub-domain of another site'],
  // Microsoft Teams: work and free are different entries
  ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d', 'microsoft-teams', 'meetup-join link'],
  ['https://teams.microsoft.com/v2/', 'microsoft-teams', 'Teams web app'],
  ['https://teams.live.com/meet/9312345678901?p=abc', 'teams-free', 'Teams (free) meeting link'],
  ['https://teams.live.com/v2/', 'teams-free', 'Teams (free) web app'],
  ['https://teams.microsoft.com.evil.io/', undefined, 'Teams host as a sub-domain of another site'],
  ['https://teams.cloud.microsoft/v2/', 'microsoft-teams', 'Teams on the unified cloud.microsoft domain'],
  ['https://teams.cloud.microsoft.evil.io/', undefined, 'Teams cloud host as a sub-domain of another site'],
  ['https://teamscloud.microsoft.example/', undefined, 'Teams cloud host with the dot dropped'],
  ['https://www.microsoft.com/en-us/microsoft-teams/', undefined, 'Microsoft marketing page'],
  // Webex, GoTo, Whereby
  ['https://acme.webex.com/meet/jdoe', 'webex', 'personal room'],
  ['https://acme.webex.com/acme/j.php?MTID=m1234', 'webex', 'meeting link'],
  ['https://web.webex.com/meetings', 'webex', 'Webex web app'],
  ['https://meet.goto.com/123456789', 'goto-meeting', 'GoTo join link'],
  ['https://app.goto.com/meeting/123456789', 'goto-meeting', 'GoTo web app'],
  ['https://global.gotomeeting.com/join/123456789', 'goto-meeting', 'legacy GoToMeeting join link'],
  ['https://whereby.com/dr-smith', 'whereby', 'Whereby room'],
  ['https://smithclinic.whereby.com/room-4f1a', 'whereby', 'Whereby team sub-domain room'],
  ['https://notwhereby.com/dr-smith', undefined, 'look-alike without a dot boundary'],
  // Telehealth services
  ['https://doxy.me/drsmith', 'doxy-me', 'Doxy.me room'],
  ['https://smithclinic.doxy.me/drsmith', 'doxy-me', 'clinic sub-domain room'],
  ['https://doxy.me.evil.io/drsmith', undefined, 'Doxy.me host as a sub-domain of another site'],
  ['https://vsee.com/c/drsmith', 'vsee', 'VSee clinic link'],
  ['https://smithclinic.vsee.me/u/drsmith', 'vsee', 'VSee clinic sub-domain'],
  ['https://video.simplepractice.com/appt-abc123', 'simplepractice-telehealth', 'SimplePractice appointment room'],
  ['https://video.simplepractice.com/x', 'simplepractice-telehealth', 'any SimplePractice video path'],
  ['https://secure.simplepractice.com/calendar/appointments', undefined, 'SimplePractice practice app is not the video room'],
  ['https://www.therapyportal.com/p/smithcounseling/telehealth/', 'therapynotes-telehealth', 'client telehealth page'],
  ['https://www.therapyportal.com/', undefined, 'portal home without a practice path'],
  ['https://www.therapynotes.com/app/login/', undefined, 'TherapyNotes clinician app is not the client video page'],
  ['https://meet.jit.si/TherapyRoom42', 'jitsi-meet', 'public Jitsi room'],
  ['https://jit.si/', undefined, 'jit.si root is not meet.jit.si'],
  ['https://8x8.vc/vpaas-magic-cookie-abc123/room', 'jitsi-8x8', '8x8 hosted Jitsi room'],
  ['https://app.chime.aws/meetings/1234567890', 'amazon-chime', 'Chime meeting link'],
  ['https://app.sprucehealth.com/org/123/inbox', 'spruce', 'Spruce web app'],
  // Consumer messaging
  ['https://web.whatsapp.com/', 'whatsapp-web', 'WhatsApp Web'],
  ['https://WEB.WHATSAPP.COM/', 'whatsapp-web', 'upper-case WhatsApp Web host'],
  ['https://www.whatsapp.com/', undefined, 'WhatsApp marketing site is not the web client'],
  ['https://notwhatsapp.com/', undefined, 'look-alike without a dot boundary'],
  ['https://web.whatsapp.com.evil.io/', undefined, 'WhatsApp host as a sub-domain of another site'],
  ['https://www.messenger.com/t/1234567890', 'messenger', 'Messenger conversation'],
  ['https://messenger.com/', 'messenger', 'bare messenger.com'],
  ['https://www.facebook.com/messages/t/123', 'messenger', 'Messenger inside Facebook'],
  ['https://www.facebook.com/messages', 'messenger', 'Messenger inbox without trailing slash'],
  ['https://m.facebook.com/messages/', 'messenger', 'mobile Facebook messages'],
  ['https://www.facebook.com/', undefined, 'Facebook news feed is not a platform'],
  ['https://www.facebook.com/messagesfoo', undefined, 'path prefix must end at a segment boundary'],
  ['https://www.facebook.com/someone/posts/1', undefined, 'ordinary Facebook post'],
  ['https://www.facebook.com/live/producer', 'facebook-live', 'Facebook Live Producer'],
  ['https://www.facebook.com/watch/live/?ref=live_tab', 'facebook-live', 'Facebook Live watch tab'],
  ['https://www.facebook.com/watch/', undefined, 'Facebook Watch without live'],
  ['https://facetime.apple.com/join#v=1&p=AbCdEf&k=GhIjKl', 'facetime', 'FaceTime web link'],
  ['https://www.apple.com/facetime/', undefined, 'Apple marketing page'],
  ['https://discord.com/channels/@me/123456789', 'discord', 'Discord direct messages'],
  ['https://ptb.discord.com/app', 'discord', 'Discord test build'],
  ['https://web.telegram.org/k/#@someone', 'telegram-web', 'Telegram Web K'],
  ['https://telegram.org/', undefined, 'Telegram marketing site'],
  ['https://signal.org/download/', undefined, 'Signal has no web client, so nothing matches'],
  ['https://web.skype.com/', 'skype', 'Skype web client'],
  // Public-facing services
  ['https://www.twitch.tv/somechannel', 'twitch', 'Twitch channel'],
  ['https://dashboard.twitch.tv/u/somechannel/stream-manager', 'twitch', 'Twitch stream manager'],
  ['https://www.tiktok.com/@someone/live', 'tiktok', 'TikTok LIVE'],
  ['https://www.tiktok.com/foryou', 'tiktok', 'TikTok feed'],
  ['https://www.youtube.com/live/abc123xyz', 'youtube-live', 'YouTube live stream'],
  ['https://m.youtube.com/live/abc123xyz', 'youtube-live', 'mobile YouTube live stream'],
  ['https://www.youtube.com/watch?v=abc123xyz', undefined, 'ordinary YouTube video'],
  ['https://app.slack.com/client/T0123/C0456', 'slack', 'Slack web client'],
  ['https://slack.com/', undefined, 'Slack marketing site'],
  // Webmail
  ['https://outlook.live.com/mail/0/inbox', 'outlook-com', 'Outlook.com inbox'],
  ['https://outlook.office.com/mail/', 'microsoft-365-outlook', 'Outlook on the web (Microsoft 365)'],
  ['https://outlook.office365.com/owa/', 'microsoft-365-outlook', 'classic OWA host'],
  ['https://outlook.cloud.microsoft/mail/inbox', 'microsoft-365-outlook', 'Outlook on the unified cloud.microsoft domain'],
  ['https://outlook.cloud.microsoft.mail-login.example/mail/', undefined, 'Outlook cloud host as a sub-domain of another site'],
  ['https://cloud.microsoft/', undefined, 'bare cloud.microsoft is no app'],
  ['https://mail.yahoo.com/d/folders/1', 'yahoo-mail', 'Yahoo Mail inbox'],
  ['https://www.yahoo.com/', undefined, 'Yahoo home page'],
  ['https://mail.proton.me/u/0/inbox', 'proton-mail', 'Proton Mail inbox'],
  ['https://mail.protonmail.com/inbox', 'proton-mail', 'old Proton Mail host'],
  ['https://proton.me/mail', undefined, 'Proton marketing site'],
  ['https://app.tuta.com/mail', 'tuta', 'Tuta web app'],
  ['https://mail.tutanota.com/', 'tuta', 'old Tutanota host'],
  ['https://secure.hushmail.com/preview/hushmail/', 'hushmail', 'Hushmail web mail'],
  ['https://www.icloud.com/mail/', 'icloud-mail', 'iCloud Mail'],
  ['https://www.icloud.com/', undefined, 'iCloud home is not mail'],
  ['https://www.icloud.com/photos/', undefined, 'iCloud Photos is not mail'],
  ['https://www.icloud.com/mailbox', undefined, 'path prefix must end at a segment boundary'],
  ['https://app.fastmail.com/mail/Inbox/', 'fastmail', 'Fastmail web app'],
  ['https://www.fastmail.com/mail/Inbox/', 'fastmail', 'old Fastmail web mail path'],
  ['https://www.fastmail.com/pricing/', undefined, 'Fastmail marketing page'],
  ['https://mail.zoho.com/zm/#mail/folder/inbox', 'zoho-mail', 'Zoho Mail'],
  ['https://mail.zoho.eu/zm/', 'zoho-mail', 'Zoho Mail EU'],
  // Practice-management telehealth, privacy-first messaging and mail
  ['https://smiththerapy.janeapp.com/admin#schedule', 'jane-app', 'Jane clinic account'],
  ['https://smiththerapy.janeapp.co.uk/', 'jane-app', 'Jane UK clinic account'],
  ['https://smiththerapy.janeapp.com.au/', 'jane-app', 'Jane Australia clinic account'],
  ['https://smiththerapy.janeapp.com.evil.io/', undefined, 'Jane host as a sub-domain of another site'],
  ['https://janeapp.co/', undefined, 'Jane look-alike domain'],
  ['https://web.threema.ch/#!/welcome', 'threema-web', 'Threema Web'],
  ['https://web.threema.ch.evil.io/', undefined, 'Threema Web host as a sub-domain of another site'],
  ['https://threema.ch/en', undefined, 'Threema marketing site'],
  ['https://posteo.de/webmail/?_task=mail', 'posteo', 'Posteo webmail'],
  ['https://posteo.de/en/site/privacy_policy', undefined, 'Posteo website outside webmail'],
  ['https://posteo.de.evil.io/webmail/', undefined, 'Posteo host as a sub-domain of another site'],
  ['https://app.element.io/#/room/!abc:matrix.org', 'element', 'Element web app'],
  ['https://app.element.io.evil.io/', undefined, 'Element host as a sub-domain of another site'],
  ['https://element.io/', undefined, 'Element marketing site'],
  ['https://coviu.com/session/af1f3606-dfbf-4728-b3ca-8f099ca9024a', 'coviu', 'Coviu scheduled session link'],
  ['https://coviu.com/room/dr-smith', 'coviu', 'Coviu user room'],
  ['https://coviu.com/sign_in', undefined, 'Coviu sign-in page is not a call'],
  ['https://www.coviu.com/en-au/privacy', undefined, 'Coviu marketing site'],
  ['https://coviu.com.evil.io/session/abc', undefined, 'Coviu host as a sub-domain of another site'],
  ['https://vcc.healthdirect.org.au/login', 'healthdirect-video-call', 'healthdirect Video Call clinician sign-in'],
  ['https://vcc.healthdirect.org.au.evil.io/', undefined, 'healthdirect host as a sub-domain of another site'],
  ['https://help.vcc.healthdirect.org.au/attending-a-video-call-appointment', undefined, 'healthdirect help site is not a call'],
  ['https://app.wire.com/', 'wire', 'Wire web app'],
  ['https://app.wire.com.evil.io/', undefined, 'Wire host as a sub-domain of another site'],
  ['https://wire.com/en/', undefined, 'Wire marketing site'],
  ['https://office.mailbox.org/appsuite/#!!&app=io.ox/mail', 'mailbox-org', 'mailbox web client'],
  ['https://office.mailbox.org.evil.io/', undefined, 'mailbox host as a sub-domain of another site'],
  ['https://kb.mailbox.org/en/private', undefined, 'mailbox knowledge base is not mail'],
  ['https://mypractice.au1.cliniko.com/bookings', 'cliniko', 'Cliniko practice account'],
  ['https://mypractice.cliniko.com.evil.io/', undefined, 'Cliniko host as a sub-domain of another site'],
  ['https://evilcliniko.com/', undefined, 'Cliniko look-alike without a dot boundary'],
  ['https://www.halaxy.com/a/telehealth/abc', 'halaxy', 'Halaxy telehealth'],
  ['https://eu.halaxy.com/', 'halaxy', 'Halaxy EU'],
  ['https://halaxy.com.evil.io/', undefined, 'Halaxy host as a sub-domain of another site'],
  ['https://visit.doximity.com/dr-smith', 'doximity', 'Doximity patient video page'],
  ['https://visit.doximity.com.evil.io/', undefined, 'Doximity host as a sub-domain of another site'],
  ['https://www.doximity.com/', undefined, 'Doximity network site is not the video page'],
  ['https://app.sessionshealth.com/telehealth/dr-smith', 'sessions-health', 'Sessions Health app'],
  ['https://app.sessionshealth.com.evil.io/', undefined, 'Sessions host as a sub-domain of another site'],
  ['https://www.sessionshealth.com/terms', undefined, 'Sessions marketing site'],
  ['https://app.thera-link.com/session', 'thera-link', 'thera-LINK app'],
  ['https://www.thera-link.com/faqs/', undefined, 'thera-LINK marketing site'],
  ['https://thera-link.com.evil.io/', undefined, 'thera-LINK host as a sub-domain of another site'],
  ['https://theralink.com/', undefined, 'thera-LINK look-alike without the hyphen'],
  ['https://smithclinic.owlpractice.ca/', 'owl-practice', 'Owl Practice clinic account'],
  ['https://owlpractice.ca.evil.io/', undefined, 'Owl host as a sub-domain of another site'],
  ['https://nhs.attendanywhere.com/cm/waiting-area', 'attend-anywhere', 'Attend Anywhere waiting area'],
  ['https://attendanywhere.com.evil.io/', undefined, 'Attend Anywhere host as a sub-domain of another site'],
  ['https://secure.gethealthie.com/appointments', 'healthie', 'Healthie web app'],
  ['https://secure.gethealthie.com.evil.io/', undefined, 'Healthie host as a sub-domain of another site'],
  ['https://gethealthie.com/', undefined, 'Healthie marketing site'],
  ['https://www.theraplatform.com/Home', 'theraplatform', 'TheraPlatform'],
  ['https://theraplatform.com.evil.io/', undefined, 'TheraPlatform host as a sub-domain of another site'],
  ['https://app.kareo.com/telehealth/visit/abc', 'tebra', 'Tebra (Kareo) web platform'],
  ['https://app.kareo.com.evil.io/', undefined, 'Kareo host as a sub-domain of another site'],
  ['https://mypractice.writeupp.com/', 'writeupp', 'WriteUpp practice address'],
  ['https://mypractice.writeupp.com.evil.io/', undefined, 'WriteUpp host as a sub-domain of another site'],
  ['https://writeup.com/', undefined, 'WriteUpp look-alike with one p'],
  ['https://mypractice.theranest.com/telehealth/session/abc', 'theranest', 'TheraNest practice account'],
  ['https://theranest.com.evil.io/', undefined, 'TheraNest host as a sub-domain of another site'],
  ['https://portal.therapyappointment.com/index.cfm/public:auth', 'therapyappointment', 'TherapyAppointment portal sign-in'],
  ['https://therapyappointment.com/features/security-compliance', undefined, 'TherapyAppointment marketing site'],
  ['https://app.oncallhealth.ca/booking/css/', 'oncall-health', 'OnCall Health app'],
  ['https://www.oncallhealth.ca/', undefined, 'OnCall Health marketing site'],
  ['https://mypractice.zandahealth.com/', 'zanda', 'Zanda practice account'],
  ['https://mypractice.powerdiary.com/', 'zanda', 'old Power Diary practice account'],
  ['https://zandahealth.com.evil.io/', undefined, 'Zanda host as a sub-domain of another site'],
  // Not web pages at all
  ['javascript:alert(document.domain)//zoom.us', undefined, 'javascript: URL'],
  ['data:text/html,<a href="https://zoom.us">zoom.us</a>', undefined, 'data: URL'],
  ['about:blank', undefined, 'about:blank'],
  ['chrome://extensions/', undefined, 'browser page'],
  ['file:///home/me/zoom.us.html', undefined, 'local file'],
  ['wss://zoom.us/socket', undefined, 'websocket scheme'],
  ['zoom.us/j/123', undefined, 'no scheme'],
  ['not a url', undefined, 'garbage string'],
  ['', undefined, 'empty string'],
  ['https://', undefined, 'scheme without a host'],
  ['https://[::1]/', undefined, 'IPv6 literal'],
  ['https://127.0.0.1/', undefined, 'IP literal'],
];

describe('recognising the platform a tab is on', () => {
  it('covers at least ninety URL shapes', () => {
    expect(cases.length).toBeGreaterThanOrEqual(90);
  });

  it.each(cases)('%s → %s (%s)', (url, expected) => {
    expect(idFor(url)).toBe(expected);
  });

  it('accepts a URL object as well as a string', () => {
    expect(idFor(new URL('https://meet.google.com/abc-defg-hij'))).toBe('google-meet');
  });
});

describe('every catalogue host, generated from the files so new hosts are covered', () => {
  const hosts = platforms.flatMap((p) => p.match.map((m) => [m.host, p.id, m.pathPrefixes?.[0] ?? '/'] as const));

  it.each(hosts)('%s is recognised as %s', (host, id, path) => {
    expect(idFor(`https://${host}${path.startsWith('/') ? path : `/${path}`}`)).toBe(id);
  });

  it.each(hosts)('a look-alike of %s is not (%s)', (host, _id, path) => {
    expect(idFor(`https://${host}.attacker.example${path}`)).toBeUndefined();
    expect(idFor(`https://x${host}${path}`)).toBeUndefined();
    expect(idFor(`https://${host.replace(/\.([^.]+)$/, '-$1.example')}${path}`)).toBeUndefined();
  });
});

describe('single-page apps changing route on the same host', () => {
  /** Each step is a route the page moves to without reloading; the content script re-checks. */
  const journeys: [string, [string, string | undefined][]][] = [
    ['Gmail stays Gmail from inbox to compose to a thread', [
      ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
      ['https://mail.google.com/mail/u/0/#inbox?compose=new', 'gmail'],
      ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQ', 'gmail'],
    ]],
    ['Facebook becomes Messenger when the messages route opens, and stops being it on leaving', [
      ['https://www.facebook.com/', undefined],
      ['https://www.facebook.com/messages/t/123', 'messenger'],
      ['https://www.facebook.com/watch/live/', 'facebook-live'],
      ['https://www.facebook.com/groups/x', undefined],
    ]],
    ['iCloud becomes iCloud Mail only on the mail route', [
      ['https://www.icloud.com/', undefined],
      ['https://www.icloud.com/mail/', 'icloud-mail'],
      ['https://www.icloud.com/notes/', undefined],
    ]],
    ['YouTube is a public broadcast only on a live route', [
      ['https://www.youtube.com/', undefined],
      ['https://www.youtube.com/live/abc', 'youtube-live'],
      ['https://www.youtube.com/watch?v=abc', undefined],
    ]],
  ];

  it.each(journeys)('%s', (_name, steps) => {
    expect(steps.map(([url]) => idFor(url))).toEqual(steps.map(([, id]) => id));
  });
});

describe('platforms without a web client', () => {
  it('Signal lists no host to match, because it has no browser version', () => {
    const signal = platforms.find((p) => p.id === 'signal');
    expect(signal?.facts.webClient).toBe(false);
    expect(signal?.match).toEqual([]);
  });
});
