/**
 * Built-in bank of reflective prompts, shown beside the session-note editor: one list per
 * theme of a manager's supervision. A supervisor can pick a prompt while preparing a session
 * or writing notes. The prompts are open, solution-focused questions to the supervisee (the
 * insight is theirs, not the supervisor's), written for this product in our own words.
 * Practices start from this bank and can later edit their own copy; this file is only the
 * default, so changing it does not change a practice's edited prompts.
 */
import type { Theme } from './themes';

export interface Prompt {
  fi: string;
  en: string;
}

export const defaultPrompts: Record<Theme, readonly Prompt[]> = {
  role: [
    {
      fi: 'Mitkä esihenkilötyösi osa-alueet sujuvat nyt luontevasti ja missä kaipaisit lisää varmuutta?',
      en: 'Which parts of your work as a manager come naturally to you right now, and where would you like more confidence?',
    },
    {
      fi: 'Mihin oma tehtäväsi päättyy ja mistä jonkun toisen vastuu alkaa?',
      en: "Where does your own job end and someone else's responsibility begin?",
    },
    {
      fi: 'Keiden odotukset ohjaavat eniten sitä, miten toimit esihenkilönä?',
      en: 'Whose expectations shape most strongly the way you act as a manager?',
    },
    {
      fi: 'Millaisissa tilanteissa huomaat tekeväsi työtä, joka oikeastaan kuuluisi jollekulle muulle?',
      en: 'In what situations do you notice yourself doing work that really belongs to someone else?',
    },
    {
      fi: 'Millaisena näet paikkasi oman esihenkilösi, kollegoidesi ja tiimisi välissä?',
      en: 'How do you see your place between your own manager, your peers and your team?',
    },
    {
      fi: 'Mitä verkostoja työhösi kuuluu oman organisaatiosi ulkopuolella ja mikä on sinun roolisi niissä?',
      en: 'Which networks outside your own organisation are part of your work, and what is your role in them?',
    },
    {
      fi: 'Milloin viimeksi tunsit olevasi johtajana täysin omalla paikallasi ja mikä siinä tilanteessa auttoi?',
      en: 'When did you last feel completely in the right place as a leader, and what helped in that situation?',
    },
    {
      fi: 'Mistä huomaisit arjessa, että roolisi on alkanut selkiytyä?',
      en: 'In your everyday work, what would tell you that your role has started to become clearer?',
    },
  ],
  power: [
    {
      fi: 'Mikä työn laatuun tai käytökseen liittyvä asia odottaa puuttumistasi ja mikä sinua on tähän asti pidätellyt?',
      en: "Which issue with the quality of work or someone's behaviour is waiting for you to step in, and what has held you back so far?",
    },
    {
      fi: 'Kun päätöksesi herättää tiimissäsi pettymystä tai suuttumusta, mikä auttaa sinua kuuntelemaan ja silti pysymään päätöksesi takana?',
      en: 'When a decision of yours leaves your team disappointed or angry, what helps you listen and still stand by it?',
    },
    {
      fi: 'Mitä sinussa tapahtuu, kun tunteet työpaikalla kuumenevat, ja mikä auttaa sinua näkemään tilanteen laajemmin?',
      en: 'What happens inside you when feelings run high at work, and what helps you see the wider picture?',
    },
    {
      fi: 'Minkä päätöksen joudut tekemään ilman kaikkea haluamaasi tietoa ja mitä tarvitsisit, jotta uskaltaisit päättää?',
      en: 'Which decision do you have to make without all the information you would like, and what would you need to dare to decide?',
    },
    {
      fi: 'Miltä tuntuu kantaa tietoa, jota et vielä voi kertoa tiimillesi, ja mistä saat siihen tukea?',
      en: 'What is it like to carry information you cannot yet share with your team, and where do you find support with it?',
    },
    {
      fi: 'Kenen kanssa sinun on helpointa tehdä töitä ja miten se näkyy siinä, kenelle annat vastuuta ja huomiota?',
      en: 'Who do you find easiest to work with, and how does that show in whom you give responsibility and attention to?',
    },
    {
      fi: 'Millainen suhde sinulla on omaan valtaasi ja missä tilanteissa tartut siihen tai väistät sitä?',
      en: 'How would you describe your relationship with your own power, and when do you reach for it or shy away from it?',
    },
    {
      fi: 'Millaisissa tilanteissa oma epävarmuutesi saa sinut ohjaamaan keskustelua tiukemmin kuin olisi tarpeen?',
      en: 'In what situations does your own uncertainty lead you to steer conversations more tightly than is needed?',
    },
  ],
  environment: [
    {
      fi: 'Miten tiimisi on nyt mukana tavoitteiden asettamisessa ja mitä haluaisit siinä vahvistaa?',
      en: 'How is your team involved in setting goals at the moment, and what would you like to strengthen in that?',
    },
    {
      fi: 'Mikä tavoite ohjaa tiimisi arkea juuri nyt ja miten se liittyy siihen, mihin pyritte pidemmällä aikavälillä?',
      en: "Which goal guides your team's daily work right now, and how does it connect with where you are heading in the longer run?",
    },
    {
      fi: 'Millaisia keskusteluja nykyiset kokouksenne mahdollistavat ja millaisille niissä ei tunnu jäävän tilaa?',
      en: 'What kinds of conversations do your current meetings make possible, and what kinds never seem to find room in them?',
    },
    {
      fi: 'Mitkä tiimisi käytännöistä helpottavat työtä ja mitkä ovat jääneet elämään pelkästä tottumuksesta?',
      en: "Which of your team's practices make the work easier, and which live on out of sheer habit?",
    },
    {
      fi: 'Mitä oma tapasi kohdata ihmisiä kertoo tiimillesi siitä, miten teidän työpaikallanne toimitaan?',
      en: 'What does your own way of meeting people tell your team about how things are done in your workplace?',
    },
    {
      fi: 'Missä tiimisi työssä tarvitaan eniten omaa harkintaa ja mitä se edellyttää sinulta johtajana?',
      en: "Where in your team's work is people's own judgement needed most, and what does that ask of you as a leader?",
    },
    {
      fi: 'Missä tiimisi hyötyisi selkeämmistä pelisäännöistä ja missä säännöt jo kahlitsevat liikaa?',
      en: 'Where would your team benefit from clearer ground rules, and where do the rules already tie people down too much?',
    },
    {
      fi: 'Mitä osaamista, tukea tai aikaa tiimisi tarvitsisi, jotta se voisi ottaa enemmän vastuuta omasta työstään?',
      en: 'What skills, support or time would your team need in order to take more ownership of its own work?',
    },
  ],
  dialogue: [
    {
      fi: 'Mitä tiimisi tietää työstä paremmin kuin sinä ja miten sen saa esiin niin, että johtaminen pysyy silti sinun käsissäsi?',
      en: 'What does your team know about the work better than you, and how can that come out while leadership stays in your hands?',
    },
    {
      fi: 'Milloin viimeksi palaverissanne syntyi ajatus, jota kukaan ei ollut tuonut valmiina mukanaan, ja mikä teki sen mahdolliseksi?',
      en: 'When did one of your meetings last produce an idea nobody had brought along ready-made, and what made that possible?',
    },
    {
      fi: 'Muistele palautekeskustelua, joka sujui hyvin: mikä oli sinun osuutesi siinä?',
      en: 'Think of a feedback conversation that went well: what was your part in it?',
    },
    {
      fi: 'Mitä haluaisit kuulla tiimiltäsi omasta johtamisestasi ja miten voisit kysyä sitä heiltä?',
      en: 'What would you like to hear from your team about your own leadership, and how might you ask them?',
    },
    {
      fi: 'Mikä tekisi seuraavista kehityskeskusteluista aidosti hyödyllisiä sekä sinulle että työntekijöillesi?',
      en: 'What would make your next development discussions genuinely useful for both you and your staff?',
    },
    {
      fi: 'Mikä tekee edessä olevasta muutoksesta sinun mielestäsi tarpeellisen ja miten voisit sanoittaa sen tiimillesi?',
      en: 'What makes the coming change necessary in your view, and how could you put that into words for your team?',
    },
    {
      fi: 'Kun annat ohjeita, kuinka paljon tilaa jää tiimisi kysymyksille ja ajatuksille?',
      en: "When you give instructions, how much room is left for your team's questions and ideas?",
    },
    {
      fi: 'Missä teillä on organisaation reunaehtojen sisällä tilaa kokeilla yhdessä jotain uutta?',
      en: "Within your organisation's constraints, where is there room for you to try something new together?",
    },
  ],
};
