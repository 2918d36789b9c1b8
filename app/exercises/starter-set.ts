/**
 * The exercises every practice's toolkit starts with, written for Ohjaamo from the ideas of
 * coaching leadership: asking instead of telling, listening, asking one's own team for
 * feedback, the five steps toward self-directed work, and one exercise per theme of a
 * manager's supervision. A practice gets its own copy (toolkit.server.ts), which its owner
 * may edit or archive; `key` says which starter exercise a copy came from.
 */
import type { Theme } from '#db/schema/values';

export interface StarterExercise {
  key: string;
  theme: Theme | null;
  titleFi: string;
  titleEn: string;
  instructionsFi: string;
  instructionsEn: string;
}

export const starterExercises: readonly StarterExercise[] = [
  {
    key: 'coaching-questions',
    theme: null,
    titleFi: 'Kysymyksiä neuvojen sijaan',
    titleEn: 'Questions instead of advice',
    instructionsFi:
      'Valitse tulevalta viikolta kaksi tilannetta, joissa joku tiimistäsi tuo sinulle ongelman ratkaistavaksi. Vastaa ensin kysymyksillä ennen kuin tarjoat omaa ratkaisuasi, esimerkiksi: Mitä olet jo kokeillut? Mikä olisi pienin seuraava askel? Mitä tarvitset minulta?\n\nKirjoita jälkikäteen, mitä kysymykset saivat aikaan ja mikä kysymisessä oli sinulle vaikeaa.',
    instructionsEn:
      'Pick two moments in the coming week when someone in your team brings you a problem to solve. Answer with questions before you offer a solution of your own, for example: What have you tried already? What would be the smallest next step? What do you need from me?\n\nAfterwards, write down what the questions led to and what was hard for you about asking them.',
  },
  {
    key: 'listening',
    theme: null,
    titleFi: 'Kuuntele loppuun asti',
    titleEn: 'Listen to the end',
    instructionsFi:
      'Käy yksi keskustelu, jossa tehtäväsi on vain kuunnella: et keskeytä, et korjaa etkä kerro omaa kokemustasi. Kun toinen on valmis, sano omin sanoin, mitä kuulit, ja kysy, ymmärsitkö oikein.\n\nKirjoita, mitä kuulit, mitä olisit muuten voinut jättää kuulematta ja mikä houkutti sinua keskeyttämään.',
    instructionsEn:
      'Have one conversation in which your only task is to listen: do not interrupt, correct or tell your own story. When the other person has finished, say in your own words what you heard and ask whether you understood it right.\n\nWrite down what you heard, what you might otherwise have missed, and what tempted you to interrupt.',
  },
  {
    key: 'team-feedback',
    theme: null,
    titleFi: 'Pyydä tiimiltäsi palautetta johtamisestasi',
    titleEn: 'Ask your team for feedback on your leadership',
    instructionsFi:
      'Pyydä yhdeltä tai useammalta tiimisi jäseneltä palautetta siitä, miten johtamisesi auttaa heitä onnistumaan työssään. Kerro, miksi kysyt, ja kysy yksi asia kerrallaan, esimerkiksi: Mikä toiminnassani auttaa sinua? Mitä voisin tehdä toisin? Missä tilanteissa kaipaisit minulta enemmän tai vähemmän?\n\nKiitä vastauksista väittelemättä. Kirjoita, mitä kuulit ja mitä aiot kokeilla.',
    instructionsEn:
      'Ask one or more members of your team how your leadership helps them succeed in their work. Tell them why you are asking, and ask one thing at a time, for example: What in the way I work helps you? What could I do differently? In which situations would you like more, or less, of me?\n\nThank them for their answers without arguing. Write down what you heard and what you will try.',
  },
  {
    key: 'self-directed-steps',
    theme: null,
    titleFi: 'Viisi askelta kohti itseohjautuvaa työtä',
    titleEn: 'Five steps toward self-directed work',
    instructionsFi:
      'Katso omaa yksikköäsi viiden kysymyksen kautta ja kirjoita kuhunkin muutama rivi.\n1. Missä työssänne tarvitaan omaa harkintaa ja kekseliäisyyttä, ja miksi?\n2. Onko teillä yhteinen käsitys siitä, mitä ammattitaito, työ ja johtaminen teillä tarkoittavat?\n3. Onko ihmisillä taidot ja valmiudet ohjata omaa työtään?\n4. Tukevatko rakenteet ja käytännöt itseohjautuvuutta, vai ovatko ne liian raskaita tai liian väljiä?\n5. Annatko tilaa ja aikaa, vai otatko ohjat takaisin, kun jokin viivästyy?\n\nMerkitse, mihin askeleeseen haluat tarttua ensin.',
    instructionsEn:
      'Look at your unit through five questions and write a few lines on each.\n1. Where does your work call for people’s own judgement and inventiveness, and why?\n2. Do you share an understanding of what professional skill, work and leadership mean for you?\n3. Do people have the skills and readiness to steer their own work?\n4. Do your structures and routines support self-direction, or are they too heavy or too loose?\n5. Do you give room and time, or take the reins back when something runs late?\n\nMark the step you want to work on first.',
  },
  {
    key: 'role-map',
    theme: 'role',
    titleFi: 'Roolikartta',
    titleEn: 'Role map',
    instructionsFi:
      'Listaa roolit, joissa toimit työssäsi (esimerkiksi esihenkilö, asiantuntija, kehittäjä, oman esihenkilösi alainen, verkoston jäsen). Merkitse kuhunkin, onko se hallussa, epäselvä vai raskas.\n\nMissä kulkee oman tehtäväsi raja: mikä ei kuulu sinulle, vaikka teet sitä nyt? Valitse yksi rooli, jonka haluat tuoda seuraavaan tapaamiseen.',
    instructionsEn:
      'List the roles you play at work (for example manager, expert, developer, your own manager’s report, member of a network). Mark each one as well in hand, unclear or heavy.\n\nWhere is the boundary of your own job: what is not yours, even though you do it now? Choose one role to bring to the next session.',
  },
  {
    key: 'postponed-decision',
    theme: 'power',
    titleFi: 'Päätös, jota olet lykännyt',
    titleEn: 'The decision you have put off',
    instructionsFi:
      'Kirjoita lyhyesti asiasta, johon sinun pitäisi puuttua tai josta sinun pitäisi päättää, mutta olet lykännyt sitä. Mikä lykkäämisessä on ymmärrettävää? Mitä pelkäät päätöksestä seuraavan, ja kenen pettymystä sinun pitäisi kestää?\n\nMitä lykkääminen maksaa sinulle, tiimille ja työn laadulle? Miltä näyttäisi reilu ja rajattu tapa käyttää valtaasi tässä?',
    instructionsEn:
      'Write briefly about something you should step in on, or decide, but have put off. What is understandable about waiting? What do you fear will follow, and whose disappointment would you have to bear?\n\nWhat is the delay costing you, the team and the quality of the work? What would a fair and bounded use of your power look like here?',
  },
  {
    key: 'meeting-under-the-lens',
    theme: 'environment',
    titleFi: 'Yksi palaveri tarkasteluun',
    titleEn: 'One meeting under the lens',
    instructionsFi:
      'Valitse yksi toistuva palaveri, jota johdat. Kirjoita, mitä varten se on, mitä siinä todella tapahtuu, kuka puhuu ja kuka on hiljaa, ja mitä siitä seuraa.\n\nMinkä yhden asian muuttaminen auttaisi palaveria palvelemaan paremmin sitä, että ihmiset voivat tehdä työnsä hyvin? Kokeile muutosta kerran ennen seuraavaa tapaamista.',
    instructionsEn:
      'Choose one recurring meeting that you lead. Write down what it is for, what really happens in it, who speaks and who stays quiet, and what comes out of it.\n\nWhich single change would help the meeting serve people’s work better? Try the change once before the next session.',
  },
  {
    key: 'why-the-change',
    theme: 'dialogue',
    titleFi: 'Kerro, miksi muutos tarvitaan',
    titleEn: 'Say why the change is needed',
    instructionsFi:
      'Valitse muutos, jota olet viemässä tiimiisi. Kirjoita sen perustelu niin, että se kertoo miksi eikä vain mitä: mikä nykyisessä ei toimi, kenelle muutos on tärkeä ja mitä tapahtuu, jos mitään ei muuteta.\n\nKerro perustelu tiimille ja kysy, mitä he näkevät, mitä sinä et näe. Kirjoita, mitä heidän vastauksistaan jäi mieleen ja muuttuiko suunnitelmasi.',
    instructionsEn:
      'Choose a change you are bringing to your team. Write its reasons so that they say why, not only what: what does not work now, who the change matters to, and what happens if nothing changes.\n\nPresent the reasons to the team and ask what they see that you do not. Write down what stayed with you from their answers and whether your plan changed.',
  },
];
