// Every page, in its states, in real Chromium: zero axe-core violations of the
// WCAG 2.2 A/AA rules, no horizontal scrolling at 320 px, and no script needed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { axe, launch, screenshots } from './browser.mjs';
import { startDemo } from './server.mjs';
import { signIn } from './session.mjs';

// name, path, what the page must say, who looks (a demo role, or null for the public)
const ADMIN = 'Administrator';
const LEAD = 'Involvement lead';
const PARTICIPANT = 'Participant';
const PAGES = [
  ['home', '/', 'Northvale Ambulance Service NHS Trust (demo)', null],
  ['sign-in', '/sign-in', 'Demo sign-ins', null],
  ['sign-in-errors', '/sign-in', 'There is a problem', null, async (page) => {
    await page.click('button[type=submit]:has-text("Sign in")');
  }],
  ['password-reset', '/password-reset', 'Reset your password', null],
  ['accessibility', '/accessibility', 'Accessibility statement', null],
  ['password-reset-sent', '/password-reset', 'Check your email', null, async (page) => {
    await page.fill('#email', 'someone@example.org');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Send the link")')]);
  }],
  ['second-factor-setup', '/account/second-factor', 'Your setup key', LEAD],
  ['token-created', '/account', 'Your new API token', LEAD, async (page) => {
    await page.fill('#name', 'Monthly report');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Create token")')]);
  }],
  ['organisation-new', '/organisations/new', 'Add an organisation', ADMIN],
  ['project-edit', '/projects/1/edit', 'Change the project', LEAD],
  ['project', '/projects/1', 'People were first involved on', LEAD],
  ['project-partners', '/projects/1/partners', 'Partner organisations', LEAD],
  ['venues', '/venues', 'Westfield Community Centre', LEAD],
  ['venue-new-errors', '/venues/new', 'There is a problem', LEAD, async (page) => {
    await page.fill('#postcode', 'nowhere');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Add the venue")')]);
  }],
  ['venue-edit', '/venues/1/edit', 'Change the venue', LEAD],
  ['project-budget-errors', '/projects/1/edit', 'is not an amount of money', LEAD, async (page) => {
    await page.fill('#budget', '£12.345');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save changes")')]);
  }],
  ['sign-in-polish', '/sign-in', 'Nie pamiętam hasła', null, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang=pl]')]);
  }],
  ['sign-in-easy-read', '/sign-in', 'Is this your first time?', null, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('text=Easy Read: turn on')]);
  }],
  ['home-polish-easy-read', '/', 'Coproduce pomaga ludziom', null, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang=pl]')]);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/preferences/easy-read/on"]')]);
  }],
  ['link-not-working', '/invitations/cpe_nothing', 'This link does not work', null],
  ['account', '/account', 'API tokens', LEAD],
  ['accounts', '/accounts', 'Invite someone', ADMIN],
  ['accounts-errors', '/accounts', 'There is a problem', ADMIN, async (page) => {
    await page.fill('#email', 'not an email');
    await page.click('button[type=submit]:has-text("Send invitation")');
  }],
  ['jobs', '/admin/jobs', 'Job queue', ADMIN],
  ['jobs-done', '/admin/jobs?list=done', 'Done', ADMIN],
  ['audit', '/admin/audit', 'Audit trail', ADMIN],
  ['audit-errors', '/admin/audit?person=twelve&record_kind=person', 'There is a problem', ADMIN],
  ['dashboard', '/organisations/1', 'inputs were fed back', LEAD],
  ['dashboard-no-data', '/organisations/1?from-day=1&from-month=1&from-year=2001&to-day=31&to-month=12&to-year=2001', 'No data', LEAD],
  ['dashboard-errors', '/organisations/1?from-day=31&from-month=13&from-year=2026&to-day=&to-month=4&to-year=2026', 'There is a problem', LEAD],
  ['dashboard-empty', '/organisations/5', 'There are no projects yet', ADMIN],
  ['projects', '/projects', 'Start a project', LEAD],
  ['project', '/projects/1', 'Add an activity', LEAD],
  ['project-new-errors', '/projects/new', 'There is a problem', LEAD, async (page) => {
    await page.click('button[type=submit]:has-text("Start the project")');
  }],
  ['activity-new-errors', '/projects/1/activities/new', 'There is a problem', LEAD, async (page) => {
    await page.fill('#starts', '01:30');
    await page.click('button[type=submit]:has-text("Add the activity")');
  }],
  ['activity', '/activities/1', 'You said, we did', LEAD],
  ['input-edit', '/inputs/1/edit', 'Change what was said', LEAD],
  ['sign-in-sheet', '/activities/1/sign-in-sheet', 'Signature', LEAD],
  ['access-support', '/activities/1/provision', 'Access support', LEAD],
  ['access-support-book-errors', '/activities/1/provision/book?need=easy-read&language=', 'There is a problem', LEAD, async (page) => {
    await page.fill('#cost', 'lots');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Record")')]);
  }],
  ['access-support-outcome-errors', '/activities/1/provision/outcome?need=easy-read&language=', 'There is a problem', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Record")')]);
  }],
  ['closing-notes-errors', '/activities/1/close', 'There is a problem', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save the notes")')]);
  }],
  ['people', '/people', 'Add a person', LEAD],
  ['person-new-errors', '/people/new', 'There is a problem', LEAD, async (page) => {
    await page.fill('#email', 'not-an-email');
    await page.fill('#phone', '12345');
    await page.click('button[type=submit]:has-text("Add the person")');
  }],
  ['person', '/people', 'Access and communication needs', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Leon Brooks")')]);
  }],
  ['person-need-errors', '/people', 'There is a problem', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Leon Brooks")')]);
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Add a need")')]);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Add the need")')]);
  }],
  ['person-consent-errors', '/people', 'There is a problem', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Kate Lambert")')]);
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Record consent")')]);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Record the consent")')]);
  }],
  ['person-edit', '/people', 'Change their details', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Kate Lambert")')]);
    await Promise.all([page.waitForNavigation(), page.click('a[href$="/edit#email"]')]);
  }],
  ['person-erase', '/people', 'This cannot be undone', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Kate Lambert")')]);
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Erase their personal data")')]);
  }],
  ['people-inactive', '/people/inactive?years=0', 'There is a problem', LEAD],
  ['people-import', '/people/import', 'Import people from a spreadsheet', LEAD],
  ['people-import-no-file', '/people/import', 'There is a problem', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Check the file")')]);
  }],
  ['people-import-report', '/people/import', 'Problems found: 2', LEAD, async (page) => {
    const csv = 'Our network\n\nName,Email,Date of birth,Languages\nZara Ahmed,zara-at-example,1970-01-01,Arabic\nKaren Young,,2015-01-01,English\nLeon Brooks,leon.brooks@example.org,,\n';
    await page.setInputFiles('#file', { name: 'network.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Check the file")')]);
  }],
  ['people-import-unknown-values', '/people/import', 'Values Coproduce does not know', LEAD, async (page) => {
    const odd = ['Sign lang.', 'Big writing', 'Loop sys'];
    let csv = 'First name,Surname,Access needs,Ethnicity\n';
    for (let i = 0; i < 60; i++) {
      csv += `Person,Number ${i},${odd[i % 3]},"White: English, Welsh, Scottish, Northern Irish or British"\n`;
    }
    await page.setInputFiles('#file', { name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Check the file")')]);
  }],
  ['networks', '/networks', 'Start a network', LEAD],
  ['network', '/networks/1', 'Needs to sign the code of conduct', ADMIN],
  ['network-new-errors', '/networks/new', 'There is a problem', LEAD, async (page) => {
    await page.click('button[type=submit]:has-text("Start the network")');
  }],
  ['network-document-errors', '/networks/2/documents/new', 'There is a problem', LEAD, async (page) => {
    await page.check('input[value=code-of-conduct]');
    await page.click('button[type=submit]:has-text("Adopt it")');
  }],
  ['membership', '/memberships/4', 'Stood down on', ADMIN],
  ['membership-stand-down-errors', '/memberships/6/stand-down', 'There is a problem', LEAD, async (page) => {
    await page.fill('#review_on-day', '31');
    await page.click('button[type=submit]:has-text("Record that they stood down")');
  }],
  ['membership-sign-errors', '/memberships/6/sign', 'There is a problem', LEAD, async (page) => {
    await page.click('button[type=submit]:has-text("Record the signature")');
  }],
  ['people-in-network', '/people?network=2', 'Kate Lambert', LEAD],
  ['network-add-members', '/networks/2/members/new?name=priya', 'Add them to the network', LEAD],
  ['network-add-members-errors', '/networks/2/members/new?name=priya', 'There is a problem', LEAD, async (page) => {
    await page.fill('#joined_on-year', '2099');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Add them to the network")')]);
  }],
  ['network-document', '/documents/5', 'claim only the payments and expenses', LEAD],
  ['network-document-easy-read', '/documents/5?version=easy', 'This is the Easy Read version', LEAD],
  ['person-need-form', '/people', 'Add a need', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Leon Brooks")')]);
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Add a need")')]);
  }],
  ['person-network-errors', '/people', 'There is a problem', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Leon Brooks")')]);
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Add to a network")')]);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Add to the network")')]);
  }],
  ['person-training-errors', '/people', 'There is a problem', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Leon Brooks")')]);
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Record training")')]);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Record the training")')]);
  }],
  ['training', '/training', 'Add a course', LEAD],
  ['course', '/training/1', 'Who completed it', LEAD],
  ['course-expired', '/training/1?expired=yes', 'Expired on', LEAD],
  ['course-edit', '/training/1/edit', 'Change the course', LEAD],
  ['course-edit-errors', '/training/1/edit', 'There is a problem', LEAD, async (page) => {
    await page.fill('#title', '');
    await page.fill('#valid_months', 'two years');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save the course")')]);
  }],
  ['session-remove', '/sessions/1/remove', 'Remove the session on', LEAD],
  ['completion-remove', '/completions/1/remove', 'completion of', LEAD],
  ['course-new-errors', '/training/new', 'There is a problem', LEAD, async (page) => {
    await page.fill('#valid_months', 'forever');
    await page.click('button[type=submit]:has-text("Add the course")');
  }],
  ['session-new-errors', '/training/1/sessions/new', 'There is a problem', LEAD, async (page) => {
    await page.click('button[type=submit]:has-text("Add the session")');
  }],
  ['equality-report', '/organisations/1/equality', 'Equality monitoring', LEAD],
  ['my-record', '/me', 'What helps you take part', PARTICIPANT],
  ['my-record-polish-easy-read', '/me', 'Grupy, do których należysz', PARTICIPANT, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang=pl]')]);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/preferences/easy-read/on"]')]);
  }],
  ['my-document-to-sign', '/me', 'This is how we work together', PARTICIPANT, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Code of conduct, version 2")')]);
  }],
  ['my-document-sign-errors', '/me', 'Tick the box to say you have read it', PARTICIPANT, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Code of conduct, version 2")')]);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]:text-is("Sign")')]);
  }],
  ['my-document-polish', '/me/documents/2?version=full', 'Przeczytaj', PARTICIPANT, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang=pl]')]);
  }],
  ['my-equality', '/me/equality', 'What is your ethnic group?', PARTICIPANT],
  ['my-equality-errors', '/me/equality', 'There is a problem', PARTICIPANT, async (page) => {
    await page.fill('#postcode_district', 'nowhere');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save my answers")')]);
  }],
  ['my-equality-polish-easy-read', '/me/equality', 'Jaka jest Twoja grupa etniczna?', PARTICIPANT, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang=pl]')]);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/preferences/easy-read/on"]')]);
  }],
  ['organisation-settings', '/organisations/1/settings', 'Organisation settings', ADMIN],
  ['charters-manage', '/charters', 'Adopt a built-in charter', LEAD],
  ['charter-signatory-errors', '/charters/1', 'There is a problem', LEAD, async (page) => {
    await page.click('button[type=submit]:has-text("Record")');
  }],
  ['charter-settings-errors', '/charters/1/settings', 'There is a problem', LEAD, async (page) => {
    await page.fill('#feedback_days', '0');
    await page.click('button[type=submit]:has-text("Save settings")');
  }],
  ['charter-import-errors', '/charters', 'There is a problem', LEAD, async (page) => {
    await page.setInputFiles('#file', { name: 'bad.toml', mimeType: 'text/plain', buffer: Buffer.from('format = 1\n[charter\n') });
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Import")')]);
  }],
  ['charters', '/charters', 'Built-in templates', null],
  ['charter-las', '/charters/1', 'Signatories', null],
  ['charter-ladder', '/charters/5', 'Rung: Co-production', null],
  ['not-found', '/organisations/999', 'Page not found', ADMIN],
  ['activity-invitations', '/activities/13/invitations', '2 of 2 places taken', ADMIN],
  ['activity-invite', '/activities/13/invitations/new?name=a', 'Already invited', ADMIN],
  ['activity-invite-errors', '/activities/13/invitations/new?name=harjit', 'There is a problem', ADMIN, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Invite them")')]);
  }],
  ['activity-edit', '/activities/13/edit', 'Change the activity', ADMIN],
  ['reminder-new-errors', '/activities/13/reminders/new', 'There is a problem', ADMIN, async (page) => {
    await page.fill('#days_before', 'two');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Add the reminder")')]);
  }],
  ['activity-cancel', '/activities/13/cancel', 'will be sent the cancellation', ADMIN],
  ['invitation-reply-errors', '/activities/13/invitations/1/reply', 'There is a problem', ADMIN, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Record")')]);
  }],
  ['my-invitation', '/me/invitations/1', 'Can you come?', PARTICIPANT],
  ['my-invitation-errors', '/me/invitations/1', 'There is a problem', PARTICIPANT, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Send my answer")')]);
  }],
  ['my-invitation-polish-easy-read', '/me/invitations/1', 'Czy możesz przyjść?', PARTICIPANT, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang=pl]')]);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/preferences/easy-read/on"]')]);
  }],
  ['reply-by-link', '/', 'Can you come?', null, async (page) => {
    await page.goto(await replyLink());
  }],
  ['meeting-rules', '/organisations/1/meeting-rules', 'Rush hours avoided', LEAD],
  ['meeting-rule-form', '/organisations/1/meeting-rules/longest-face-to-face', 'Kinds of activity the limit does not count', LEAD],
  ['meeting-rule-errors', '/organisations/1/meeting-rules/rush-hours', 'There is a problem', LEAD, async (page) => {
    await page.check('input[name=setting][value=on]');
    await page.fill('#windows', 'Mon-Fri 9-5');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save changes")')]);
  }],
  ['activity-rules', '/activities/13', 'Went ahead', ADMIN],
  ['ground-rules-choose', '/activities/13/ground-rules', 'Which ground rules apply', ADMIN],
  ['ground-rules-choose-errors', '/activities/13/ground-rules', 'There is a problem', ADMIN, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save changes")')]);
  }],
  ['ground-rules-print-none', '/activities/13/ground-rules/print', 'No ground rules are attached yet', ADMIN],
  ['papers', '/activities/13/papers', 'agenda-easy-read.txt', ADMIN],
  ['activity-feedback', '/activities/8/feedback', 'Good to be asked first.', ADMIN],
  ['activity-feedback-paper-errors', '/activities/8/feedback/paper', 'There is a problem', ADMIN, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Record")')]);
  }],
  ['me-feedback', '/me/feedback/8', 'I felt listened to', PARTICIPANT],
  ['me-feedback-errors', '/me/feedback/8', 'There is a problem', PARTICIPANT, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Send my answers")')]);
  }],
  ['paper-new-errors', '/activities/13/papers/new', 'There is a problem', ADMIN, async (page) => {
    await page.fill('#title', 'Notes');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Add the paper")')]);
  }],
  ['opportunities', '/opportunities', 'Patient panel: choosing the new ambulance station signs', LEAD],
  ['opportunity', '/opportunities/1', 'Choose who takes part', LEAD],
  ['opportunity-choose', '/opportunities/1/choose', 'Who is interested, beside who it is for', LEAD],
  ['opportunity-invite', '/opportunities/4/invited?name=a', 'Invite people to apply', LEAD],
  ['opportunity-new-errors', '/opportunities/new', 'There is a problem', LEAD, async (page) => {
    await page.fill('#title', 'Patient reader');
    await page.fill('#places', 'lots');
    await page.fill('#closes_on-day', '1');
    await page.fill('#closes_on-month', '1');
    await page.fill('#closes_on-year', '2020');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save the draft")')]);
  }],
  ['inputs', '/inputs', 'Crews should be able to see a person', LEAD],
  ['inputs-overdue', '/inputs?show=overdue', 'Feedback overdue', LEAD],
  ['input', '/inputs/21', 'Who was told', LEAD],
  ['input-respond', '/inputs/21/respond', 'What is the answer?', LEAD],
  ['input-respond-errors', '/inputs/21/respond', 'There is a problem', LEAD, async (page) => {
    await page.check('input[name=status][value=will-do]');
    await page.fill('#will_do_by-day', '');
    await page.fill('#will_do_by-month', '');
    await page.fill('#will_do_by-year', '');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Give the response")')]);
  }],
  ['input-edit-errors', '/inputs/21/edit', 'There is a problem', LEAD, async (page) => {
    await page.fill('#due_on-year', '2001');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save changes")')]);
  }],
  ['input-fed-back-errors', '/inputs/21/fed-back', 'There is a problem', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save changes")')]);
  }],
  ['input-letter', '/inputs/21', 'Letter to Pat Quill', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Print the letter")')]);
  }],
  ['outcomes', '/outcomes', 'A direct line from crews to the crisis team', LEAD],
  ['outcome', '/outcomes/1', 'The inputs that led to it', LEAD],
  ['outcome-new-errors', '/outcomes/new?input=3', 'There is a problem', LEAD, async (page) => {
    await page.fill('#title', 'Calmer calls');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save the outcome")')]);
  }],
  ['evidence-new-errors', '/outcomes/1/evidence/new', 'There is a problem', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Add evidence")')]);
  }],
  ['you-said-we-did', '/you-said-we-did/1', 'Crews need a direct line to the crisis team.', null],
  ['you-said-we-did-polish-easy-read', '/you-said-we-did/1', 'Powiedzieliście, zrobiliśmy', null, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang=pl]')]);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/preferences/easy-read/on"]')]);
  }],
  ['input-published', '/inputs/1', 'On the public page', LEAD],
  ['recognition', '/organisations/1/recognition', 'A new version takes effect on', LEAD],
  ['recognition-new', '/organisations/1/recognition/new', 'Set a new version', LEAD],
  ['recognition-new-errors', '/organisations/1/recognition/new', 'There is a problem', LEAD, async (page) => {
    await page.fill('#tier-1-hour', '15.005');
    await page.fill('#tier-2-key', 'Tier Two');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save this version")')]);
  }],
  ['payments', '/payments', 'Waiting for approval', LEAD],
  ['payment', '/payments/2', 'Approve the payment', LEAD],
  ['payments-export', '/payments/export', 'Export payments for finance', LEAD],
  ['payments-export-errors', '/payments/export', 'There is a problem', LEAD, async (page) => {
    await page.fill('#to-day', '31');
    await page.fill('#to-month', '13');
    await Promise.all([page.waitForNavigation(), page.click('button[value=csv]')]);
  }],
  ['payment-paid', '/payments/1', 'The day it was paid', LEAD],
  ['payment-reverse-errors', '/payments/2', 'There is a problem', LEAD, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Reverse the payment")')]);
  }],
  ['activity-payments', '/activities/8/payments', 'Work out the payments', LEAD],
  ['person-recognition', '/people/11/recognition', 'How they want to be paid', LEAD],
  ['me-recognition', '/me/recognition', 'Payments can affect your benefits', PARTICIPANT],
  ['me-recognition-errors', '/me/recognition', 'There is a problem', PARTICIPANT, async (page) => {
    await page.check('input[name=choice][value=less]');
    await page.fill('#amount_pence', '12.345');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save my choice")')]);
  }],
  ['forms', '/forms', 'When we came to help you', LEAD],
  ['form', '/forms/1', 'Address to share', LEAD],
  ['form-new-errors', '/forms/new', 'There is a problem', LEAD, async (page) => {
    await page.fill('#question', 'What would help you most on the day?');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Save the form")')]);
  }],
  ['inputs-of-a-form', '/inputs?form=1', 'Showing only the answers to the feedback form', LEAD],
  ['say', '/say/1', 'what would have made it better?', null],
  ['say-polish-easy-read', '/say/1', 'Did an ambulance come to help you?', null, async (page) => {
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang=pl]')]);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/preferences/easy-read/on"]')]);
  }],
  // Sent at once, as a program would: refused, the words kept.
  ['say-sent-too-soon', '/say/1', 'There is a problem', null, async (page) => {
    await page.fill('#said', 'The crew were kind.');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Send your answer")')]);
  }],
  // Sent after reading and typing: kept. Two of these (one per check) stay within
  // the five answers an address may give in ten minutes.
  ['say-thanks', '/say/1', 'Thank you for your answer', null, async (page) => {
    await page.fill('#said', 'Tell me which hospital you are taking us to.');
    await page.waitForTimeout(3500);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Send your answer")')]);
  }],
  ['open-opportunities', '/open-opportunities', 'Reader panel for letters to patients', null],
  ['open-opportunity', '/open-opportunities/2', 'How to say you are interested', null],
  ['open-opportunity-easy-read', '/open-opportunities/2/easy-read', 'We give you a shopping voucher', null],
  ['me-opportunity', '/me/opportunities/2', 'I am interested', PARTICIPANT],
  // Each state is opened more than once: someone interested already withdraws first.
  ['me-opportunity-thanks', '/me/opportunities/3', 'We have your interest', PARTICIPANT, async (page) => {
    if (await page.$('form[action$="/withdraw"]')) {
      await Promise.all([page.waitForNavigation(), page.click('form[action$="/withdraw"] button[type=submit]')]);
    }
    await page.fill('#why', 'I have been in hospital three times this year.');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("I am interested")')]);
  }],
  // Chosen the first time it is opened; chosen already every time after.
  ['opportunity-decided', '/opportunities/1', 'Chosen, and everyone told', LEAD, async (page) => {
    if (!(await page.$('a[href="/opportunities/1/choose"]'))) return;
    await Promise.all([page.waitForNavigation(), page.click('a[href="/opportunities/1/choose"]')]);
    await page.check('input[name=chosen] >> nth=0');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Choose them and tell everyone")')]);
  }],
  ['reply-by-link-thanks', '/', 'We have your answer', null, async (page) => {
    await page.goto(await replyLink());
    await page.check('input[name=reply][value=maybe]');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Send my answer")')]);
  }],
  // Last: it adds an activity to the demo.
  ['activity-draft', '/projects/3/activities/new', 'Not ready to publish', LEAD, async (page) => {
    await page.fill('#title', 'Drop-in for new parents');
    await page.selectOption('#activity_type', 'event');
    await page.check('input[name=mode][value=face-to-face]');
    await page.check('input[name=rung][value=engagement]');
    await page.fill('#date-day', '1');
    await page.fill('#date-month', '3');
    await page.fill('#date-year', '2027');
    await page.fill('#starts', '10:00');
    await page.fill('#ends', '11:30');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Add the activity")')]);
  }],
  // A long online meeting of the forum, which sets its own meeting rules: publishing
  // it without a reason is refused, with the warnings on the page.
  ['activity-publish-reason-errors', '/activities/13', 'Give a reason to go ahead', ADMIN, async (page) => {
    const project = await page.getAttribute('.nhsuk-breadcrumb__list-item:last-child a', 'href');
    await page.goto(server.base + project + '/activities/new');
    await page.fill('#title', 'Planning day');
    await page.selectOption('#activity_type', 'workshop');
    await page.check('input[name=mode][value=virtual]');
    await page.check('input[name=rung][value=co-design]');
    await page.fill('#date-day', '2');
    await page.fill('#date-month', '3');
    await page.fill('#date-year', '2027');
    await page.fill('#starts', '10:00');
    await page.fill('#ends', '14:00');
    await page.fill('#joining_link', 'https://meet.example.org/planning-day');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Add the activity")')]);
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/publish"] button[type=submit]')]);
  }],
];

let server;
let browser;

// The reply link in the first invitation the demo emailed.
async function replyLink() {
  const { readdir, readFile } = await import('node:fs/promises');
  for (const name of (await readdir(server.mailDir)).sort()) {
    const text = (await readFile(join(server.mailDir, name), 'utf8')).replace(/=\r?\n/g, '');
    const m = text.match(/https?:\/\/\S+\/reply\/cpr_[0-9a-f]+/);
    if (m) return m[0].replace(/^https?:\/\/[^/]+/, server.base);
  }
  throw new Error('no invitation with a reply link was written');
}

before(async () => {
  server = await startDemo();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(context, path, who, act) {
  const page = await context.newPage();
  if (who) await signIn(page, server.base, server.signIns[who]);
  await page.goto(server.base + path);
  if (act) await act(page);
  return page;
}

for (const [name, path, says, who, act] of PAGES) {
  describe(`${name} (${path})`, () => {
    test('has no WCAG 2.2 A/AA violations', async () => {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 900 } });
      const page = await open(context, path, who, act);
      const body = await page.textContent('body');
      assert.ok(body.includes(says), `the page says "${says}"`);
      assert.doesNotMatch(body, /\b(staff|vocab)-[a-z0-9-]+/, 'every message key has its text');
      await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
      const violations = await axe(page);
      await context.close();
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    });

    test('fits a 320 px wide screen without JavaScript', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
      const page = await open(context, path, who, act);
      await page.screenshot({ path: join(screenshots, `${name}-320.png`), fullPage: true });
      const html = await page.content();
      assert.ok(!html.includes('<script'), 'the page needs no script');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      await context.close();
      assert.ok(width <= 320, `the page is ${width} px wide at 320 px`);
    });
  });
}

test('the demo prints a sign-in for each of the six roles', () => {
  assert.deepEqual(Object.keys(server.signIns).sort(), [
    'Administrator', 'Board viewer', 'Involvement lead', 'Participant',
    'Partner organisation representative', 'Staff (project lead)',
  ]);
});

test('keyboard only: sign in, skip to content, then open an organisation', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Sign in with the keyboard alone.
  await page.goto(server.base + '/sign-in');
  const { email, password } = server.signIns[LEAD];
  await page.focus('#email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Sign in');
  await Promise.all([page.waitForURL('**/organisations/1'), page.keyboard.press('Enter')]);
  await page.goto(server.base + '/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Skip to main content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), '#maincontent');
  // Tab on until the first organisation link has focus, then follow it.
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
    if (href === '/organisations/1') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '/organisations/1');
  await Promise.all([page.waitForURL('**/organisations/1'), page.keyboard.press('Enter')]);
  assert.ok((await page.textContent('h1')).includes('Northvale Ambulance Service'));
  // The period form can be filled and sent from the keyboard alone.
  await page.focus('#from-day');
  for (const value of ['1', '1', '2001', '31', '12', '2001']) {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Show this period');
  await Promise.all([page.waitForURL('**/organisations/1?*'), page.keyboard.press('Enter')]);
  assert.ok((await page.textContent('main')).includes('No data'));
  await context.close();
});

test('keyboard only: start a project, fixing a mistake on the way', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.base, server.signIns[LEAD]);
  await page.goto(server.base + '/projects/new');
  // Send the empty form from the keyboard: the error summary takes focus's place.
  await page.focus('#title');
  await page.keyboard.type('Young carers\' voices');
  // Tab past every radio group to the button and press it, without choosing.
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.tagName === 'BUTTON')) break;
  }
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.ok((await page.textContent('.nhsuk-error-summary')).includes('Choose the stage the project is at'));
  assert.equal(await page.inputValue('#title'), "Young carers' voices", 'what was typed is kept');
  // Follow the error link to the stage radios, choose with the arrow keys.
  await page.focus('a[href="#stage"]');
  await page.keyboard.press('Enter');
  await page.focus('#stage');
  await page.keyboard.press('Space');
  await page.focus('#level');
  await page.keyboard.press('Space');
  await page.focus('#scope_and_limits');
  await page.keyboard.type('We can change how we listen, not the budget.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('The budget: the board set it in March.');
  // Past the rung, the budget and the lead, left as they are, to the button.
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.tagName === 'BUTTON')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Start the project');
  await Promise.all([page.waitForURL(/\/projects\/\d+$/), page.keyboard.press('Enter')]);
  assert.ok((await page.textContent('h1')).includes("Young carers' voices"));
  assert.ok((await page.textContent('main')).includes('The budget: the board set it in March.'));
  await context.close();
});

test('keyboard only: stand a network member down, from their membership page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.base, server.signIns[LEAD]);
  await page.goto(server.base + '/memberships/7');
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
    if (href === '/memberships/7/stand-down') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '/memberships/7/stand-down');
  await Promise.all([page.waitForURL('**/memberships/7/stand-down'), page.keyboard.press('Enter')]);
  // The first box of the form is the day they stood down; then the reason, then the review date.
  await page.focus('#on-day');
  const now = new Date();
  const year = now.getFullYear();
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  for (const value of [String(now.getDate()), String(now.getMonth() + 1), String(year)]) {
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reason');
  await page.keyboard.type('Asked for a break');
  await page.keyboard.press('Tab');
  for (const value of ['1', '6', String(year + 1)]) {
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Record that they stood down');
  await Promise.all([page.waitForURL('**/memberships/7'), page.keyboard.press('Enter')]);
  const main = await page.textContent('main');
  assert.ok(main.includes(`Stood down on ${now.getDate()} ${months[now.getMonth()]} ${year}`), main);
  assert.ok(main.includes('Asked for a break'));
  await context.close();
});
