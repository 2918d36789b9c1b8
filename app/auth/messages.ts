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
};
