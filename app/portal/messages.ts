/** Messages of the supervisee portal and of portal access on the client page. */
export const fi = {
  'portal.title': 'Työnohjattavan sivut',
  'portal.nav': 'Työnohjattavan valikko',
  'portal.nav.home': 'Etusivu',
  'portal.nav.account': 'Kirjautuminen ja turvallisuus',
  'portal.home.welcome': 'Tervetuloa, {name}',
  'portal.home.lead':
    'Täällä näet työnohjauksesi sopimukset, tulevat tapaamiset ja työnohjaajan julkaisemat yhteenvedot. Työnohjaajan omat muistiinpanot eivät näy kenellekään muulle.',
  'portal.noAccess.title': 'Ei pääsyä työnohjattavan sivuille',
  'portal.noAccess.body':
    'Tililläsi ei ole voimassa olevaa pääsyä. Jos työnohjauksesi jatkuu, pyydä työnohjaajaltasi uusi kutsu.',

  'portal.access.heading': 'Työnohjattavan sivut',
  'portal.access.none': 'Häntä ei ole vielä kutsuttu työnohjattavan sivuille.',
  'portal.access.invited': 'Kutsu lähetetty osoitteeseen {email}. Voimassa {date} asti.',
  'portal.access.active': 'Käytössä {date} alkaen ({email}).',
  'portal.access.revoked': 'Pääsy peruttu {date}.',
  'portal.access.invite': 'Lähetä kutsu',
  'portal.access.reinvite': 'Lähetä uusi kutsu',
  'portal.access.revoke': 'Peru pääsy',
  'portal.access.cancelInvite': 'Peru kutsu',
  'portal.access.needsEmail': 'Lisää työnohjattavalle sähköpostiosoite, niin voit kutsua hänet.',
  'portal.access.notYours':
    'Kutsun voi lähettää tai perua vastaanoton omistaja tai työnohjattavan sopimusten työnohjaaja.',
  'portal.access.sent': 'Kutsu lähetetty.',
  'portal.access.revokedNow': 'Pääsy peruttu. Työnohjattavan kirjautumiset päättyivät.',
  'portal.invite.noEmail': 'Työnohjattavalla ei ole sähköpostiosoitetta.',
  'portal.invite.alreadyActive': 'Työnohjattavalla on jo pääsy työnohjattavan sivuille.',

  'portal.invitePage.title': 'Työnohjattavan sivut: {practice}',
  'portal.invitePage.lead':
    'Vastaanotto {practice} kutsuu sinut työnohjattavan sivuille. Niillä näet sopimuksesi, tapaamisesi ja työnohjaajan julkaisemat yhteenvedot.',
  'portal.invitePage.submit': 'Luo tili ja avaa sivut',
  'portal.invitePage.accept': 'Hyväksy kutsu',

  'email.portalInvite.subject': 'Kutsu työnohjattavan sivuille: {practice}',
  'email.portalInvite.body':
    '{inviter} kutsuu sinut vastaanoton {practice} työnohjattavan sivuille. Avaa kutsu tästä linkistä (voimassa 7 päivää, toimii kerran):',
  'email.portalInvite.ignore':
    'Jos et odottanut kutsua, voit jättää viestin huomiotta. Viestissä ei ole muuta tietoa työnohjauksestasi.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'portal.title': 'Supervisee pages',
  'portal.nav': 'Supervisee menu',
  'portal.nav.home': 'Home',
  'portal.nav.account': 'Sign-in and security',
  'portal.home.welcome': 'Welcome, {name}',
  'portal.home.lead':
    'Here you see your supervision contracts, your coming sessions and the summaries your supervisor has published. Your supervisor’s own notes are never shown to anyone else.',
  'portal.noAccess.title': 'No access to the supervisee pages',
  'portal.noAccess.body':
    'Your account has no current access. If your supervision goes on, ask your supervisor for a new invitation.',

  'portal.access.heading': 'Supervisee pages',
  'portal.access.none': 'They have not been invited to the supervisee pages yet.',
  'portal.access.invited': 'Invitation sent to {email}. Valid until {date}.',
  'portal.access.active': 'In use since {date} ({email}).',
  'portal.access.revoked': 'Access revoked on {date}.',
  'portal.access.invite': 'Send an invitation',
  'portal.access.reinvite': 'Send a new invitation',
  'portal.access.revoke': 'Revoke access',
  'portal.access.cancelInvite': 'Withdraw the invitation',
  'portal.access.needsEmail': 'Add an e-mail address for the supervisee to invite them.',
  'portal.access.notYours':
    'The practice owner or the supervisor of the supervisee’s contracts can send or withdraw the invitation.',
  'portal.access.sent': 'Invitation sent.',
  'portal.access.revokedNow': 'Access revoked. The supervisee has been signed out.',
  'portal.invite.noEmail': 'The supervisee has no e-mail address.',
  'portal.invite.alreadyActive': 'The supervisee already has access to the supervisee pages.',

  'portal.invitePage.title': 'Supervisee pages: {practice}',
  'portal.invitePage.lead':
    '{practice} invites you to its supervisee pages, where you see your contract, your sessions and the summaries your supervisor publishes.',
  'portal.invitePage.submit': 'Create the account and open the pages',
  'portal.invitePage.accept': 'Accept the invitation',

  'email.portalInvite.subject': 'Invitation to the supervisee pages: {practice}',
  'email.portalInvite.body':
    '{inviter} invites you to the supervisee pages of {practice}. Open the invitation with this link (valid for 7 days, works once):',
  'email.portalInvite.ignore':
    'If you did not expect this, you can ignore this message. It holds nothing else about your supervision.',
};
