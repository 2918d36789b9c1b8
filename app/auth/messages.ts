/** Messages of the auth area (sign-up, verification, throttling) and its mails. */
export const fi = {
  'signup.checkEmail.title': 'Tarkista sähköpostisi',
  'signup.checkEmail.body':
    'Lähetimme viestin antamaasi osoitteeseen. Vahvista osoitteesi viestin linkistä ja kirjaudu sitten sisään. Jos viestiä ei näy, katso roskapostikansio.',
  'forgot.throttled': 'Liian monta pyyntöä. Yritä uudelleen tunnin kuluttua.',
  'settings.passwordThrottled':
    'Liian monta väärää salasanaa. Yritä uudelleen 15 minuutin kuluttua.',
  'members.throttled': 'Liian monta kutsua tunnin sisällä. Yritä myöhemmin uudelleen.',
  'members.verifyFirst': 'Vahvista ensin sähköpostiosoitteesi. Sen jälkeen voit kutsua muita.',
  'verify.title': 'Vahvista sähköpostiosoite',
  'verify.lead': 'Vahvista, että tämä osoite on sinun, painamalla alla olevaa painiketta.',
  'verify.submit': 'Vahvista osoite',
  'verify.done': 'Sähköpostiosoitteesi on vahvistettu.',
  'verify.continue': 'Jatka Ohjaamoon',
  'verify.invalidLink':
    'Vahvistuslinkki on vanhentunut tai jo käytetty. Kirjaudu sisään ja pyydä uusi linkki.',
  'verify.bannerLabel': 'Osoitteen vahvistus',
  'verify.banner':
    'Vahvista sähköpostiosoitteesi: lähetimme siihen linkin. Ennen vahvistusta et voi kutsua muita.',
  'verify.resend': 'Lähetä vahvistuslinkki uudelleen',
  'verify.resent': 'Lähetimme uuden vahvistuslinkin.',
  'verify.resendThrottled': 'Olet pyytänyt jo useita linkkejä. Yritä uudelleen tunnin kuluttua.',
  'email.verify.subject': 'Vahvista sähköpostiosoitteesi',
  'email.verify.body':
    'Vahvista Ohjaamo-tilisi sähköpostiosoite tästä linkistä (voimassa vuorokauden, toimii kerran):',
  'email.verify.ignore': 'Jos et luonut tiliä, voit jättää viestin huomiotta.',
  'email.signupAttempt.subject': 'Yritys luoda tili osoitteellasi',
  'email.signupAttempt.body':
    'Joku yritti luoda Ohjaamoon uuden tilin tällä sähköpostiosoitteella, mutta osoitteella on jo tili.',
  'email.signupAttempt.logIn': 'Jos se olit sinä, kirjaudu sisään:',
  'email.signupAttempt.reset': 'Jos et muista salasanaa, aseta uusi:',
  'email.resetNoAccount.body':
    'Joku pyysi uutta salasanaa Ohjaamo-tilille tällä osoitteella, mutta osoitteella ei ole tiliä. Jos haluat luoda tilin, voit tehdä sen täällä:',
  'login.withCode': 'Kirjaudu sähköpostiin lähetettävällä koodilla',
  'signInCode.title': 'Kirjaudu koodilla',
  'signInCode.lead':
    'Anna sähköpostiosoitteesi. Lähetämme siihen kertakäyttöisen koodin ja linkin, joilla pääset sisään ilman salasanaa.',
  'signInCode.send': 'Lähetä koodi',
  'signInCode.sent':
    'Jos osoitteella {email} on tili, lähetimme siihen koodin ja linkin. Ne ovat voimassa 15 minuuttia. Jos viestiä ei näy, katso roskapostikansio.',
  'signInCode.code': 'Koodi',
  'signInCode.codeHint': 'Kuusi numeroa sähköpostiviestistä',
  'signInCode.submit': 'Kirjaudu',
  'signInCode.noMail': 'Eikö viestiä tullut?',
  'signInCode.resend': 'Lähetä uusi koodi',
  'signInCode.otherAddress': 'Käytä toista osoitetta',
  'signInCode.withPassword': 'Kirjaudu salasanalla',
  'signInCode.codeFormat': 'Koodissa on kuusi numeroa.',
  'signInCode.invalid':
    'Koodi on väärä, vanhentunut tai jo käytetty. Tarkista koodi tai pyydä uusi.',
  'signInCode.sendThrottled': 'Olet pyytänyt jo useita koodeja. Yritä uudelleen tunnin kuluttua.',
  'signInCode.guessThrottled': 'Liian monta yritystä. Yritä uudelleen 15 minuutin kuluttua.',
  'signInLink.title': 'Kirjaudu sähköpostilinkillä',
  'signInLink.lead': 'Kirjaudu Ohjaamoon painamalla alla olevaa painiketta.',
  'signInLink.submit': 'Kirjaudu käyttäjänä {email}',
  'signInLink.invalid': 'Kirjautumislinkki on vanhentunut tai jo käytetty.',
  'signInLink.requestNew': 'Pyydä uusi koodi',
  'email.signInCode.subject': 'Kirjautumiskoodisi Ohjaamoon',
  'email.signInCode.body':
    'Kirjaudu Ohjaamoon avaamalla alla oleva linkki tai kirjoittamalla koodi kirjautumissivulle. Ne ovat voimassa 15 minuuttia ja toimivat kerran: kun käytät toista, kumpikaan ei enää toimi.',
  'email.signInCode.code': 'Koodi: {code}',
  'email.signInCode.ignore':
    'Jos et pyytänyt koodia, voit jättää viestin huomiotta: kukaan ei pääse tilillesi ilman koodia tai linkkiä.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'signup.checkEmail.title': 'Check your e-mail',
  'signup.checkEmail.body':
    'We sent a message to the address you gave. Confirm your address with the link in it, then log in. If you cannot see it, look in your spam folder.',
  'forgot.throttled': 'Too many requests. Please try again in an hour.',
  'settings.passwordThrottled': 'Too many wrong passwords. Please try again in 15 minutes.',
  'members.throttled': 'Too many invitations within an hour. Please try again later.',
  'members.verifyFirst': 'Confirm your e-mail address first. After that you can invite others.',
  'verify.title': 'Confirm your e-mail address',
  'verify.lead': 'Confirm that this address is yours with the button below.',
  'verify.submit': 'Confirm address',
  'verify.done': 'Your e-mail address is confirmed.',
  'verify.continue': 'Continue to Ohjaamo',
  'verify.invalidLink':
    'The confirmation link has expired or was already used. Log in and ask for a new one.',
  'verify.bannerLabel': 'Address confirmation',
  'verify.banner':
    'Confirm your e-mail address: we sent a link to it. Until then you cannot invite others.',
  'verify.resend': 'Send the confirmation link again',
  'verify.resent': 'We sent a new confirmation link.',
  'verify.resendThrottled':
    'You have asked for several links already. Please try again in an hour.',
  'email.verify.subject': 'Confirm your e-mail address',
  'email.verify.body':
    'Confirm the e-mail address of your Ohjaamo account with this link (valid for a day, works once):',
  'email.verify.ignore': 'If you did not create an account, you can ignore this message.',
  'email.signupAttempt.subject': 'Someone tried to sign up with your address',
  'email.signupAttempt.body':
    'Someone tried to create a new Ohjaamo account with this e-mail address, but the address already has an account.',
  'email.signupAttempt.logIn': 'If it was you, log in:',
  'email.signupAttempt.reset': 'If you do not remember your password, set a new one:',
  'email.resetNoAccount.body':
    'Someone asked for a new password for an Ohjaamo account with this address, but the address has no account. If you would like one, you can sign up here:',
  'login.withCode': 'Sign in with a code sent by e-mail',
  'signInCode.title': 'Sign in with a code',
  'signInCode.lead':
    'Enter your e-mail address. We will send it a one-time code and a link that sign you in without a password.',
  'signInCode.send': 'Send code',
  'signInCode.sent':
    'If {email} has an account, we sent it a code and a link. They are valid for 15 minutes. If you cannot see the message, look in your spam folder.',
  'signInCode.code': 'Code',
  'signInCode.codeHint': 'The six digits in the e-mail',
  'signInCode.submit': 'Sign in',
  'signInCode.noMail': 'No message?',
  'signInCode.resend': 'Send a new code',
  'signInCode.otherAddress': 'Use another address',
  'signInCode.withPassword': 'Log in with a password',
  'signInCode.codeFormat': 'The code has six digits.',
  'signInCode.invalid':
    'The code is wrong, has expired or was already used. Check it, or ask for a new one.',
  'signInCode.sendThrottled':
    'You have asked for several codes already. Please try again in an hour.',
  'signInCode.guessThrottled': 'Too many attempts. Please try again in 15 minutes.',
  'signInLink.title': 'Sign in with the e-mailed link',
  'signInLink.lead': 'Press the button below to sign in to Ohjaamo.',
  'signInLink.submit': 'Sign in as {email}',
  'signInLink.invalid': 'This sign-in link has expired or was already used.',
  'signInLink.requestNew': 'Ask for a new code',
  'email.signInCode.subject': 'Your Ohjaamo sign-in code',
  'email.signInCode.body':
    'Sign in to Ohjaamo by opening the link below or by entering the code on the sign-in page. They are valid for 15 minutes and work once: using either one makes both stop working.',
  'email.signInCode.code': 'Code: {code}',
  'email.signInCode.ignore':
    'If you did not ask for a code, you can ignore this message: no one can sign in to your account without the code or the link.',
};
