/** Messages of two-factor sign-in: enrolment, the second sign-in step, settings and mails. */
export const fi = {
  'twoFactor.title': 'Kaksivaiheinen tunnistautuminen',
  'twoFactor.lead':
    'Kaksivaiheisessa tunnistautumisessa kirjaudut salasanan lisäksi koodilla, jonka puhelimesi todennussovellus näyttää. Varastettu salasana ei silloin yksin riitä tilillesi.',
  'twoFactor.requiredNotice':
    'Vastaanottosi edellyttää kaksivaiheista tunnistautumista. Ota se käyttöön jatkaaksesi.',
  'twoFactor.start': 'Ota käyttöön',
  'twoFactor.enrolHeading': 'Yhdistä todennussovellus',
  'twoFactor.stepApp':
    'Asenna puhelimeesi todennussovellus, jos sinulla ei vielä ole sellaista (esimerkiksi Google Authenticator, Microsoft Authenticator tai FreeOTP).',
  'twoFactor.stepScan': 'Lue tämä QR-koodi sovelluksella.',
  'twoFactor.qrLabel': 'QR-koodi todennussovellukselle',
  'twoFactor.stepKey': 'Jos koodin lukeminen ei onnistu, kirjoita sovellukseen tämä avain:',
  'twoFactor.issuer': 'Palvelu',
  'twoFactor.account': 'Tili',
  'twoFactor.keyType': 'Avaimen tyyppi',
  'twoFactor.keyTypeTime': 'aikaperusteinen, 6 numeroa',
  'twoFactor.appCode': 'Sovelluksen koodi',
  'twoFactor.confirmHint': 'Kirjoita kuusinumeroinen koodi, jonka sovellus nyt näyttää.',
  'twoFactor.confirm': 'Vahvista ja ota käyttöön',
  'twoFactor.newSecret': 'Aloita alusta uudella avaimella',
  'twoFactor.onSince': 'Kaksivaiheinen tunnistautuminen on käytössä {date} alkaen.',
  'twoFactor.codesLeft': 'Käyttämättömiä varakoodeja: {count}.',
  'twoFactor.codesHeading': 'Varakoodisi',
  'twoFactor.codesOnce':
    'Tallenna nämä koodit nyt turvalliseen paikkaan: ne näytetään vain tämän kerran. Jos puhelimesi katoaa, voit kirjautua yhdellä koodilla. Kukin koodi toimii kerran.',
  'twoFactor.regenerateHeading': 'Uudet varakoodit',
  'twoFactor.regenerateLead':
    'Luo kymmenen uutta varakoodia. Vanhat koodit lakkaavat toimimasta. Vahvista sovelluksen koodilla tai salasanallasi.',
  'twoFactor.orPassword': 'tai salasana',
  'twoFactor.regenerate': 'Luo uudet varakoodit',
  'twoFactor.removeHeading': 'Poista käytöstä',
  'twoFactor.removeLead':
    'Kirjautumiseen riittää sen jälkeen pelkkä salasana. Vahvista salasanalla ja koodilla.',
  'twoFactor.removeRequired':
    'Vastaanottosi edellyttää kaksivaiheista tunnistautumista: jos poistat sen, sinua pyydetään heti ottamaan se uudelleen käyttöön, esimerkiksi uudella puhelimella.',
  'twoFactor.anyCode': 'Sovelluksen koodi tai varakoodi',
  'twoFactor.remove': 'Poista kaksivaiheinen tunnistautuminen',
  'twoFactor.removed': 'Kaksivaiheinen tunnistautuminen poistettiin käytöstä.',
  'twoFactor.backHome': 'Takaisin Ohjaamoon',
  'twoFactor.signInTitle': 'Kirjautumisen toinen vaihe',
  'twoFactor.signInLead': 'Tililläsi on käytössä kaksivaiheinen tunnistautuminen.',
  'twoFactor.signInHint':
    'Kirjoita todennussovelluksen näyttämä kuusinumeroinen koodi. Jos puhelimesi ei ole käsillä, kirjoita yksi varakoodeistasi.',
  'twoFactor.signInSubmit': 'Kirjaudu sisään',
  'twoFactor.startOver': 'Aloita kirjautuminen alusta',
  'twoFactor.alreadyOn': 'Kaksivaiheinen tunnistautuminen on jo käytössä.',
  'twoFactor.notOn': 'Kaksivaiheinen tunnistautuminen ei ole käytössä.',
  'twoFactor.wrongCode': 'Koodi ei kelpaa. Tarkista se ja kirjoita sovelluksen uusin koodi.',
  'twoFactor.wrongCodeOrPassword': 'Koodi tai salasana ei kelpaa.',
  'twoFactor.codeOrPasswordNeeded': 'Kirjoita sovelluksen koodi tai salasanasi.',
  'twoFactor.signInExpired':
    'Kirjautuminen vanheni tai se on jo tehty. Aloita kirjautuminen alusta.',
  'twoFactor.throttled': 'Liian monta väärää koodia. Yritä uudelleen 15 minuutin kuluttua.',
  'settings.twoFactor': 'Kaksivaiheinen tunnistautuminen',
  'settings.twoFactorOn': 'Käytössä.',
  'settings.twoFactorOff': 'Ei käytössä.',
  'settings.twoFactorLink': 'Kaksivaiheisen tunnistautumisen asetukset',
  'settings.twoFactorPolicy': 'Vastaanoton vaatimus',
  'settings.twoFactorPolicyLead':
    'Vaatimus koskee kunkin käyttäjän seuraavaa kirjautumista: jolla kaksivaiheista tunnistautumista ei vielä ole, ohjataan ottamaan se käyttöön ennen muuta.',
  'settings.requireStaff': 'Vaadi kaksivaiheinen tunnistautuminen jäseniltä',
  'settings.requireSupervisees': 'Vaadi kaksivaiheinen tunnistautuminen työnohjattavilta',
  'settings.savePolicy': 'Tallenna vaatimus',
  'email.security.enrolled.subject': 'Kaksivaiheinen tunnistautuminen otettiin käyttöön',
  'email.security.enrolled.body':
    'Ohjaamo-tilillesi otettiin käyttöön kaksivaiheinen tunnistautuminen {at}.',
  'email.security.removed.subject': 'Kaksivaiheinen tunnistautuminen poistettiin',
  'email.security.removed.body':
    'Ohjaamo-tililtäsi poistettiin kaksivaiheinen tunnistautuminen {at}. Kirjautumiseen riittää nyt salasana.',
  'email.security.recoveryCodeUsed.subject': 'Tilillesi kirjauduttiin varakoodilla',
  'email.security.recoveryCodeUsed.body':
    'Ohjaamo-tilillesi kirjauduttiin tai sen asetuksia muutettiin varakoodilla {at}. Koodi ei toimi enää uudelleen.',
  'email.security.notYou':
    'Jos et tehnyt tätä itse, vaihda salasanasi heti: joku muu voi tietää sen.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'twoFactor.title': 'Two-factor authentication',
  'twoFactor.lead':
    'With two-factor authentication you sign in with your password and a code that an authenticator app on your phone shows. A stolen password alone is then not enough to get into your account.',
  'twoFactor.requiredNotice':
    'Your practice requires two-factor authentication. Set it up to continue.',
  'twoFactor.start': 'Set it up',
  'twoFactor.enrolHeading': 'Connect an authenticator app',
  'twoFactor.stepApp':
    'Install an authenticator app on your phone if you do not have one yet (for example Google Authenticator, Microsoft Authenticator or FreeOTP).',
  'twoFactor.stepScan': 'Scan this QR code with the app.',
  'twoFactor.qrLabel': 'QR code for the authenticator app',
  'twoFactor.stepKey': 'If scanning does not work, type this key into the app:',
  'twoFactor.issuer': 'Service',
  'twoFactor.account': 'Account',
  'twoFactor.keyType': 'Key type',
  'twoFactor.keyTypeTime': 'time-based, 6 digits',
  'twoFactor.appCode': 'Code from the app',
  'twoFactor.confirmHint': 'Enter the six-digit code the app shows now.',
  'twoFactor.confirm': 'Confirm and turn on',
  'twoFactor.newSecret': 'Start over with a new key',
  'twoFactor.onSince': 'Two-factor authentication has been on since {date}.',
  'twoFactor.codesLeft': 'Unused recovery codes: {count}.',
  'twoFactor.codesHeading': 'Your recovery codes',
  'twoFactor.codesOnce':
    'Save these codes somewhere safe now: they are shown only this once. If you lose your phone, you can sign in with one of them. Each code works once.',
  'twoFactor.regenerateHeading': 'New recovery codes',
  'twoFactor.regenerateLead':
    'Make ten new recovery codes. The old ones stop working. Confirm with a code from the app or with your password.',
  'twoFactor.orPassword': 'or your password',
  'twoFactor.regenerate': 'Make new recovery codes',
  'twoFactor.removeHeading': 'Turn off',
  'twoFactor.removeLead':
    'Your password alone will then be enough to sign in. Confirm with your password and a code.',
  'twoFactor.removeRequired':
    'Your practice requires two-factor authentication: if you turn it off, you will be asked to set it up again at once, for example with a new phone.',
  'twoFactor.anyCode': 'Code from the app, or a recovery code',
  'twoFactor.remove': 'Turn off two-factor authentication',
  'twoFactor.removed': 'Two-factor authentication has been turned off.',
  'twoFactor.backHome': 'Back to Ohjaamo',
  'twoFactor.signInTitle': 'Second step of signing in',
  'twoFactor.signInLead': 'Your account uses two-factor authentication.',
  'twoFactor.signInHint':
    'Enter the six-digit code your authenticator app shows. If your phone is not at hand, enter one of your recovery codes.',
  'twoFactor.signInSubmit': 'Sign in',
  'twoFactor.startOver': 'Start signing in again',
  'twoFactor.alreadyOn': 'Two-factor authentication is already on.',
  'twoFactor.notOn': 'Two-factor authentication is not on.',
  'twoFactor.wrongCode': 'The code is not valid. Check it and enter the newest code from the app.',
  'twoFactor.wrongCodeOrPassword': 'The code or the password is not valid.',
  'twoFactor.codeOrPasswordNeeded': 'Enter a code from the app or your password.',
  'twoFactor.signInExpired':
    'This sign-in has expired or was already completed. Please start signing in again.',
  'twoFactor.throttled': 'Too many wrong codes. Please try again in 15 minutes.',
  'settings.twoFactor': 'Two-factor authentication',
  'settings.twoFactorOn': 'On.',
  'settings.twoFactorOff': 'Off.',
  'settings.twoFactorLink': 'Two-factor authentication settings',
  'settings.twoFactorPolicy': 'Practice requirement',
  'settings.twoFactorPolicyLead':
    "The requirement applies from each user's next sign-in: whoever has no two-factor authentication yet is led to set it up before anything else.",
  'settings.requireStaff': 'Require two-factor authentication of members',
  'settings.requireSupervisees': 'Require two-factor authentication of supervisees',
  'settings.savePolicy': 'Save requirement',
  'email.security.enrolled.subject': 'Two-factor authentication was turned on',
  'email.security.enrolled.body':
    'Two-factor authentication was turned on for your Ohjaamo account on {at}.',
  'email.security.removed.subject': 'Two-factor authentication was turned off',
  'email.security.removed.body':
    'Two-factor authentication was turned off for your Ohjaamo account on {at}. Your password alone is now enough to sign in.',
  'email.security.recoveryCodeUsed.subject': 'A recovery code was used on your account',
  'email.security.recoveryCodeUsed.body':
    'A recovery code was used to sign in to your Ohjaamo account, or to change its settings, on {at}. That code will not work again.',
  'email.security.notYou':
    'If this was not you, change your password at once: someone else may know it.',
};
