/** What modules use of notify: queue a text or an inbox message in their transaction. */
export { notifyInbox } from './notify-inbox.ts';
export { NOTIFY_SMS_JOB, notifySms } from './notify-sms.ts';
export { createSmsProvider, OutboxSmsProvider, SMS_PROVIDERS, type SmsProvider } from './providers.ts';
export { notifyJobHandlers } from './send-sms-job.ts';
export { renderTemplate, TEMPLATES, type TemplateKey, type TemplateParams } from './templates.ts';
