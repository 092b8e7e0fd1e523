import type { PlatformRule } from '@/lib/rules/schema';
import amazonChime from './platforms/amazon-chime.json';
import attendAnywhere from './platforms/attend-anywhere.json';
import cliniko from './platforms/cliniko.json';
import coviu from './platforms/coviu.json';
import discord from './platforms/discord.json';
import doximity from './platforms/doximity.json';
import doxyMe from './platforms/doxy-me.json';
import element from './platforms/element.json';
import facebookLive from './platforms/facebook-live.json';
import facetime from './platforms/facetime.json';
import fastmail from './platforms/fastmail.json';
import gmail from './platforms/gmail.json';
import googleMeet from './platforms/google-meet.json';
import gotoMeeting from './platforms/goto-meeting.json';
import halaxy from './platforms/halaxy.json';
import healthdirectVideoCall from './platforms/healthdirect-video-call.json';
import healthie from './platforms/healthie.json';
import hushmail from './platforms/hushmail.json';
import icloudMail from './platforms/icloud-mail.json';
import janeApp from './platforms/jane-app.json';
import jitsi8x8 from './platforms/jitsi-8x8.json';
import jitsiMeet from './platforms/jitsi-meet.json';
import mailboxOrg from './platforms/mailbox-org.json';
import messenger from './platforms/messenger.json';
import microsoft365Outlook from './platforms/microsoft-365-outlook.json';
import microsoftTeams from './platforms/microsoft-teams.json';
import oncallHealth from './platforms/oncall-health.json';
import outlookCom from './platforms/outlook-com.json';
import owlPractice from './platforms/owl-practice.json';
import paubox from './platforms/paubox.json';
import posteo from './platforms/posteo.json';
import protonMail from './platforms/proton-mail.json';
import sessionsHealth from './platforms/sessions-health.json';
import signal from './platforms/signal.json';
import simplepracticeTelehealth from './platforms/simplepractice-telehealth.json';
import skype from './platforms/skype.json';
import slack from './platforms/slack.json';
import spruce from './platforms/spruce.json';
import teamsFree from './platforms/teams-free.json';
import tebra from './platforms/tebra.json';
import telegramWeb from './platforms/telegram-web.json';
import theraLink from './platforms/thera-link.json';
import theranest from './platforms/theranest.json';
import theraplatform from './platforms/theraplatform.json';
import therapyappointment from './platforms/therapyappointment.json';
import therapynotesTelehealth from './platforms/therapynotes-telehealth.json';
import threemaWeb from './platforms/threema-web.json';
import tiktok from './platforms/tiktok.json';
import tuta from './platforms/tuta.json';
import twitch from './platforms/twitch.json';
import vsee from './platforms/vsee.json';
import webex from './platforms/webex.json';
import whatsappWeb from './platforms/whatsapp-web.json';
import whereby from './platforms/whereby.json';
import wire from './platforms/wire.json';
import writeupp from './platforms/writeupp.json';
import yahooMail from './platforms/yahoo-mail.json';
import youtubeLive from './platforms/youtube-live.json';
import zanda from './platforms/zanda.json';
import zohoMail from './platforms/zoho-mail.json';
import zoom from './platforms/zoom.json';

/**
 * The platform catalogue: one JSON file per platform in ./platforms, listed here explicitly so
 * a file that is not registered (or registered twice) is caught by tests/unit/rules/catalogue.test.ts.
 * Keep the list sorted by id.
 */
export const platforms = [
  amazonChime,
  attendAnywhere,
  cliniko,
  coviu,
  discord,
  doximity,
  doxyMe,
  element,
  facebookLive,
  facetime,
  fastmail,
  gmail,
  googleMeet,
  gotoMeeting,
  halaxy,
  healthdirectVideoCall,
  healthie,
  hushmail,
  icloudMail,
  janeApp,
  jitsi8x8,
  jitsiMeet,
  mailboxOrg,
  messenger,
  microsoft365Outlook,
  microsoftTeams,
  oncallHealth,
  outlookCom,
  owlPractice,
  paubox,
  posteo,
  protonMail,
  sessionsHealth,
  signal,
  simplepracticeTelehealth,
  skype,
  slack,
  spruce,
  teamsFree,
  tebra,
  telegramWeb,
  theraLink,
  theranest,
  theraplatform,
  therapyappointment,
  therapynotesTelehealth,
  threemaWeb,
  tiktok,
  tuta,
  twitch,
  vsee,
  webex,
  whatsappWeb,
  whereby,
  wire,
  writeupp,
  yahooMail,
  youtubeLive,
  zanda,
  zohoMail,
  zoom,
] as PlatformRule[];
