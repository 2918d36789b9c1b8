import { en as auth } from '~/auth/messages';
import { en as twoFactor } from '~/auth/two-factor/messages';
import { en as between } from '~/between-sessions/messages';
import { en as billingConnect } from '~/billing/connect-messages';
import { en as creditNotes } from '~/billing/credit-note-messages';
import { en as invoices } from '~/billing/invoice-messages';
import { en as billing } from '~/billing/messages';
import { en as invoiceRun } from '~/billing/run-messages';
import { en as feeds } from '~/calendar/messages';
import { en as contracts } from '~/contracts/messages';
import { en as evaluations } from '~/evaluations/messages';
import { en as exercises } from '~/exercises/messages';
import { en as feedback } from '~/feedback/messages';
import { en as notes } from '~/notes/messages';
import { en as setup } from '~/onboarding/messages';
import { en as portalExport } from '~/portal/export-messages';
import { en as portal } from '~/portal/messages';
import { en as portalRead } from '~/portal/read-messages';
import { en as practiceProfile } from '~/practices/messages';
import { en as search } from '~/search/messages';
import { en as sessionMail } from '~/session-mail/messages';
import { en as sessions } from '~/sessions/messages';
import { en as today } from '~/today/messages';

import type { Catalogue } from './catalogue';

const common: Omit<
  Catalogue,
  | keyof typeof contracts
  | keyof typeof sessions
  | keyof typeof sessionMail
  | keyof typeof feeds
  | keyof typeof notes
  | keyof typeof setup
  | keyof typeof practiceProfile
  | keyof typeof portal
  | keyof typeof portalRead
  | keyof typeof portalExport
  | keyof typeof evaluations
  | keyof typeof exercises
  | keyof typeof auth
  | keyof typeof twoFactor
  | keyof typeof between
  | keyof typeof feedback
  | keyof typeof billing
  | keyof typeof invoiceRun
  | keyof typeof invoices
  | keyof typeof creditNotes
  | keyof typeof billingConnect
  | keyof typeof today
  | keyof typeof search
> = {
  'app.name': 'Ohjaamo',
  'app.tagline': "The work supervisor's desk",

  'landing.title': 'Ohjaamo – for professional work supervisors',
  'landing.lead':
    "Ohjaamo brings a work supervisor's day into one place: contracts, bookings, session notes and invoicing.",
  'landing.point.themes':
    "Notes follow the four themes of a manager's supervision: role, power, operating environment and dialogic collaboration.",
  'landing.point.confidential':
    'Confidentiality comes first: private notes are readable by their author alone, and note text is encrypted before it is stored.',
  'landing.point.portal':
    'Supervisees see their summaries and agreed actions only once their supervisor has published them.',
  'landing.description':
    'Ohjaamo is the work supervisor’s desk: contracts, bookings, encrypted session notes, pages for supervisees and invoicing in one place.',
  'landing.signup': 'Create a practice',
  'landing.login': 'Log in',
  'landing.openApp': 'Open Ohjaamo',

  'nav.main': 'Main navigation',
  'nav.calendar': 'Calendar',
  'nav.clients': 'Supervisees',
  'nav.billing': 'Billing',
  'nav.settings': 'Settings',
  'nav.skipToContent': 'Skip to content',
  'nav.userMenu': 'User menu',
  'nav.logout': 'Log out',
  'nav.devMail': 'Outgoing mail (development)',
  'nav.switchPractice': 'Switch practice',
  'nav.openMenu': 'Menu',

  'language.label': 'Language',
  'language.fi': 'Suomi',
  'language.en': 'English',
  'language.change': 'Change language',

  'form.required': 'This field is required.',
  'form.invalidEmail': 'Please check the e-mail address.',
  'form.tooLong': 'The text is too long.',
  'form.errorSummary': 'The form has errors. Please correct the marked fields.',
  'form.summaryRequired': 'required',
  'form.saved': 'Saved.',

  'auth.email': 'E-mail',
  'auth.password': 'Password',
  'auth.newPassword': 'New password',
  'auth.currentPassword': 'Current password',
  'auth.name': 'Name',
  'auth.passwordHint': 'At least 10 characters. Avoid common passwords.',
  'auth.password.tooShort': 'The password must have at least 10 characters.',
  'auth.password.tooLong': 'The password can have at most 200 characters.',
  'auth.password.common': 'This password is too common. Please choose another.',
  'auth.password.sameAsEmail': 'The password cannot be your e-mail address.',

  'signup.title': 'Create a practice',
  'signup.lead':
    'Create an account for your practice. You become its owner and can invite other supervisors.',
  'signup.practiceName': 'Practice name',
  'signup.practiceNameHint': 'For example the name of your company or business.',
  'signup.submit': 'Create account',
  'signup.haveAccount': 'Already have an account?',

  'login.title': 'Log in',
  'login.submit': 'Log in',
  'login.invalid': 'The e-mail or password is wrong.',
  'login.throttled': 'Too many failed log-ins. Try again in 15 minutes, or reset your password.',
  'login.forgot': 'Forgot your password?',
  'login.noAccount': "Don't have an account?",
  'login.demoHint': 'Try the demo logins printed when the server started.',

  'forgot.title': 'Forgotten password',
  'forgot.lead': 'Enter your e-mail address and we will send you a link to set a new password.',
  'forgot.submit': 'Send link',
  'forgot.sent':
    'If the address has an account, we sent a link to it. The link works once, within an hour.',

  'reset.title': 'Set a new password',
  'reset.submit': 'Save password',
  'reset.invalidLink':
    'The link has expired or was already used. Request a new one from the forgotten-password page.',
  'reset.requestNew': 'Request a new link',

  'invite.pageTitle': 'Invitation',
  'invite.title': 'Join {practice}',
  'invite.lead': 'You have been invited to {practice} as a {role}.',
  'invite.submit': 'Join',
  'invite.invalid': 'The invitation has expired, was withdrawn or was already used.',
  'invite.existingAccount':
    'The address {email} already has an account. Log in with it to accept the invitation.',
  'invite.acceptAsUser': 'Accept the invitation',
  'invite.wrongUser': 'The invitation was sent to {email}. Log out and log in with that address.',

  'theme.role': "The manager's role",
  'theme.power': 'Power',
  'theme.environment': 'Operating environment',
  'theme.dialogue': 'Dialogic collaboration',

  'role.owner': 'owner',
  'role.supervisor': 'supervisor',

  'clients.title': 'Supervisees',
  'clients.lead': 'The people the practice supervises.',
  'clients.empty':
    'No supervisees yet. Add the first, and you can make a supervision contract with them.',
  'clients.name': 'Name',
  'clients.titleColumn': 'Job title',
  'clients.organisation': 'Organisation',
  'clients.count': '{count, plural, one {# supervisee} other {# supervisees}}',

  'settings.title': 'Settings',
  'settings.profile': 'Your details',
  'settings.saveProfile': 'Save details',
  'settings.language': 'Interface language',
  'settings.languageBrowser': 'Follow the browser',
  'settings.password': 'Change password',
  'settings.passwordSubmit': 'Change password',
  'settings.passwordChanged': 'Password changed. Your other sessions have been logged out.',
  'settings.wrongPassword': 'The current password is wrong.',
  'settings.members': 'Members',
  'settings.membersLink': 'Practice members',

  'members.title': 'Practice members',
  'members.lead': 'Invite supervisors to your practice. Each of them sees only their own notes.',
  'members.name': 'Name',
  'members.email': 'E-mail',
  'members.role': 'Role',
  'members.since': 'Member since',
  'members.invite': 'Invite a supervisor',
  'members.inviteSubmit': 'Send invitation',
  'members.invited': 'Invitation sent to {email}.',
  'members.alreadyMember': 'This person is already a member of the practice.',
  'members.pending': 'Open invitations',
  'members.noPending': 'No open invitations.',
  'members.revoke': 'Withdraw',
  'members.revokeFor': 'Withdraw the invitation to {email}',
  'members.revoked': 'Invitation withdrawn. Its link no longer works.',
  'members.expires': 'Valid until',

  'devMail.title': 'Outgoing mail',
  'devMail.lead':
    'In development without SMTP_URL, messages stay here. This page does not exist in production.',
  'devMail.empty': 'No messages.',
  'devMail.to': 'To',
  'devMail.subject': 'Subject',
  'devMail.status': 'Status',
  'devMail.created': 'Created',
  'devMail.status.pending': 'queued',
  'devMail.status.sent': 'sent',
  'devMail.status.failed': 'failed',
  'devMail.calendar': 'Calendar attachment ({method})',

  'email.greeting': 'Hello,',
  'email.signature': 'Ohjaamo',
  'email.invite.subject': 'Invitation to {practice}',
  'email.invite.body':
    '{inviter} invited you to {practice} on Ohjaamo. Accept the invitation with this link (valid for 7 days):',
  'email.reset.subject': 'Setting a new password',
  'email.reset.body':
    'Someone asked for a new password for your account. Set it with this link (valid for an hour, works once):',
  'email.reset.ignore': 'If this was not you, you can ignore this message.',

  'form.create': 'Create',
  'form.save': 'Save',
  'form.edit': 'Edit',
  'form.cancel': 'Cancel',
  'copy.done': 'Copied to the clipboard.',
  'copy.selectInstead':
    'Could not copy. The text is selected: copy it with Ctrl+C (Cmd+C on a Mac).',
  'form.invalidPhone': 'Please check the phone number.',
  'form.invalidPostalCode': 'A postal code has five digits.',
  'list.status': 'Show',
  'list.active': 'Active',
  'list.archived': 'Archived',
  'list.search': 'Search',
  'list.noMatches': 'Nothing matched the search.',
  'list.clearSearch': 'Clear the search',
  'list.archive': 'Archive',
  'list.restore': 'Make active again',
  'list.archivedNotice': 'Archived. The data is kept but not listed among the active ones.',
  'list.notGiven': 'Not given',
  'list.pagination': 'Pages',
  'list.previousPage': 'Previous page',
  'list.nextPage': 'Next page',
  'list.pageOf': 'Page {page} of {pageCount}.',
  'list.rowsOf': 'Rows {first}–{last} of {total}.',
  'clients.sections': 'Supervisees and commissioners',
  'clients.supervisees': 'Supervisees',
  'commissioners.title': 'Commissioners',
  'commissioners.lead': 'The organisations that order and pay for supervision.',
  'commissioners.new': 'New commissioner',
  'commissioners.edit': 'Edit commissioner',
  'commissioners.count': '{count, plural, one {# commissioner} other {# commissioners}}',
  'commissioners.empty':
    'No commissioners yet. A commissioner is the employer who orders and pays for the supervision.',
  'commissioners.search': 'Search by name, business ID or town',
  'commissioners.name': 'Organisation name',
  'commissioners.businessId': 'Business ID (Y-tunnus)',
  'commissioners.businessIdHint': 'In the form 1234567-8.',
  'commissioners.invalidBusinessId':
    'Please check the business ID: the form is 1234567-8, and the last digit is a check digit.',
  'commissioners.billing': 'Billing details',
  'commissioners.billingContact': 'Billing contact',
  'commissioners.billingEmail': 'Billing e-mail',
  'commissioners.addressLine': 'Street address',
  'commissioners.postalCode': 'Postal code',
  'commissioners.city': 'Town',
  'commissioners.address': 'Address',
  'commissioners.eInvoiceAddress': 'E-invoice address',
  'commissioners.eInvoiceHint': 'If the commissioner receives e-invoices: OVT code or IBAN.',
  'commissioners.eInvoiceOperator': 'E-invoice operator',

  'clients.new': 'New supervisee',
  'clients.edit': 'Edit supervisee',
  'clients.search': 'Search by name, e-mail or organisation',
  'clients.email': 'E-mail',
  'clients.phone': 'Phone',
  'clients.billingAddress': 'Billing address',
  'clients.billingAddressHint':
    'Needed when the supervisee pays for their own supervision: without it, their sessions are not invoiced.',
  'clients.streetAddress': 'Street address',
  'clients.postalCode': 'Postal code',
  'clients.city': 'Town',
  'clients.background': 'Background',
  'clients.backgroundHint': 'Free text. Stored encrypted, like notes.',
  'clients.backgroundWithheld':
    "The background is shown only to its author and to the supervisors of this supervisee's contracts.",

  'clients.sessions': 'Sessions',
  'clients.noSessions': 'No sessions.',

  'clients.noContracts': 'No contracts.',

  'error.title': 'Something went wrong',
  'error.unexpected': 'An unexpected error. Please try again in a moment.',
  'error.notFound':
    'What you were looking for does not exist, or you have no access to it. Check the address or go back to the front page.',
  'error.forbidden': 'You do not have permission for this.',
  'error.unauthenticated': 'Please log in to continue.',
  'error.conflict': 'The data changed in the meantime. Please reload the page.',
  'error.unreadable':
    'The stored text cannot be opened: it does not belong here or it was altered. This was logged; please contact support.',
  'error.invalid': 'Please check what you entered.',
  'error.throttled': 'Too many attempts. Please try again later.',
  'error.backHome': 'Back to the start',
  'error.unavailable': 'The service is temporarily unavailable. Please try again in a few minutes.',
  'error.badRequest': 'The request could not be processed. Go back and send the form again.',
  'error.invalidCharacters':
    'The text contains characters that cannot be saved (such as a null character). Remove them and try again.',
  'error.badRequestTitle': 'Bad request',
  'error.forbiddenTitle': 'No access',
  'error.notFoundTitle': 'Page not found',
  'error.conflictTitle': 'The data has changed',
  'error.unreadableTitle': 'The text cannot be opened',
  'error.throttledTitle': 'Too many attempts',
  'error.unavailableTitle': 'Temporarily unavailable',
};

export const en: Catalogue = {
  ...common,
  ...contracts,
  ...sessions,
  ...sessionMail,
  ...feeds,
  ...notes,
  ...evaluations,
  ...auth,
  ...portal,
  ...twoFactor,
  ...portalRead,
  ...portalExport,
  ...between,
  ...exercises,
  ...feedback,
  ...billing,
  ...invoiceRun,
  ...invoices,
  ...creditNotes,
  ...billingConnect,
  ...setup,
  ...practiceProfile,
  ...today,
  ...search,
};
