import type { SeedFile } from './schema'

/**
 * The site's first story, "Innovationspraktikanter kiggede Faxe Kommune i kortene", as it appeared on the
 * old faxeifaellesskab.dk (the plain text is in ../shared/seeds/). Only what that text says is here: the
 * video's and the COI article's link targets were lost with the old site and are left empty, not guessed.
 *
 * The three interns were named, quoted and described in the published article; their publication consent
 * is seeded on that basis and the note says so, for the editor to confirm.
 */

const PROGRAMME = 'Center for Offentlig Innovations innovationspraktik'
const CONSENT_NOTE =
  'Navngivet og citeret i den oprindelige artikel på faxeifaellesskab.dk. Redaktøren bør bekræfte samtykket.'

export const seedData: SeedFile = {
  topics: [
    {
      name: 'Innovationspraktik',
      slug: 'innovationspraktik',
      description:
        'Center for Offentlig Innovations praktikuge: hvert år i uge 37 besøger offentligt ansatte, som arbejder med udvikling, hinanden for at hente inspiration til ny praksis.',
    },
  ],
  interns: [
    {
      name: 'Charlotte Gisselmann Jessen',
      slug: 'charlotte-gisselmann-jessen',
      role: 'Ledelsessupporter',
      organisation: 'CBS',
      programme: PROGRAMME,
      publicationConsent: true,
      consentNote: CONSENT_NOTE,
    },
    {
      name: 'Charlotte Åkerstrøm',
      slug: 'charlotte-aakerstroem',
      role: 'Udviklingskonsulent',
      organisation: 'Herlev/Gentofte Hospital',
      programme: PROGRAMME,
      publicationConsent: true,
      consentNote: CONSENT_NOTE,
    },
    {
      name: 'Victor Mørk Johansen',
      slug: 'victor-moerk-johansen',
      role: 'Forretningsudvikler',
      organisation: 'Arbejdstilsynet',
      programme: PROGRAMME,
      publicationConsent: true,
      consentNote: CONSENT_NOTE,
    },
  ],
  contacts: [
    {
      name: 'Thomas Børager',
      slug: 'thomas-boerager',
      title: 'Procesleder',
      organisation: 'Faxe i Fællesskab, Faxe Kommune',
      email: 'tbrag@faxekommune.dk',
      sortOrder: 10,
    },
    {
      name: 'Lenette Bech',
      slug: 'lenette-bech',
      title: 'Proceskonsulent',
      organisation: 'Faxe i Fællesskab, Faxe Kommune',
      sortOrder: 20,
    },
  ],
  quotes: [
    {
      key: 'praksisnaerhed',
      text: 'Det var et gennemarbejdet og struktureret program, der sikrede en praksisnærhed!',
      speaker: { intern: 'charlotte-gisselmann-jessen' },
    },
    {
      key: 'erfaringstunge-praktikere',
      text: 'Godt nok kaldes de for praktikanter - men det var tre erfaringstunge praktikere, som Faxe Kommune havde besøg af.',
      speaker: { contact: 'thomas-boerager' },
    },
    {
      key: 'respekt-for-arbejdet',
      text: 'Det gav ikke alene inspiration, men også stor respekt for jeres arbejde, at høre jeres ambitioner for Faxe i Fællesskab, og se hvordan I løser opgaverne close-up.',
      speaker: { intern: 'charlotte-aakerstroem' },
    },
    {
      key: 'unik-indsigt',
      text: 'Det gav en unik indsigt, at overvære teknisk service medarbejdernes drøftelser af dilemmaer og innovative løsninger i hverdagen.',
      speaker: { intern: 'charlotte-aakerstroem' },
    },
    {
      key: 'innovation-i-praksis',
      text: 'Det har været et besøg som har indført os i innovation i praksis og det har været vigtigt med god tid til at reflektere og drøfte inputtene undervejs, heri lægger en stor læring!',
      speaker: { intern: 'victor-moerk-johansen' },
    },
  ],
  articles: [
    {
      title: 'Innovationspraktikanter kiggede Faxe Kommune i kortene',
      slug: 'innovationspraktikanter-kiggede-faxe-kommune-i-kortene',
      lead: 'Det gav anledning til megen inspiration, da Faxe Kommune tog værtsskabet på sig ifm. Center for Offentlig Innovations praktikuge. Hvert år i uge 37 kan offentligt ansatte, som beskæftiger sig med udvikling af forskellig format, komme på besøg hos hinanden, for at hente inspiration til ny praksis.',
      featuredQuote: 'praksisnaerhed',
      body: [
        {
          kind: 'quote',
          quote: 'erfaringstunge-praktikere',
          leadIn: 'fortæller proceslederen for Faxe i Fællesskab.',
        },
        {
          kind: 'paragraph',
          text: 'Hhv. en udviklingskonsulent fra Herlev/Gentofte Hospital, en forretningsudvikler fra Arbejdstilsynet og en ledelsessupporter fra CBS.',
        },
        {
          kind: 'paragraph',
          text: 'De fik lejlighed til at følge procesleder Thomas Børager og proceskonsulent Lenette Bech, rundt på opgaver i organisationen. Programmet vekslede mellem perspektiver på innovation – tanker, ambitioner, metoder, forberedelse og processer – til helt jordnære møder med organisationens ansatte på alle niveauer. Lige fra snakke om det strategiske sigte med den ene af direktørerne, til deltagelse på workshop med teknisk servicemedarbejdere.',
        },
        {
          kind: 'quote',
          quote: 'respekt-for-arbejdet',
          leadIn: 'fortæller den ene innovationspraktikant Charlotte Åkerstrøm fra Herlev/Gentofte hospital.',
        },
        { kind: 'quote', quote: 'unik-indsigt', continuesPrevious: true },
        {
          kind: 'paragraph',
          text: 'Programmet var mættet med mange oplysninger og beretninger om vejen til hvor vi er nu. De mange indtryk blev fordøjet og drøftet igennem, og bar stor værdi for både vært og praktikanter.',
        },
        {
          kind: 'quote',
          quote: 'innovation-i-praksis',
          // "innovationspraktkant" is the seed's spelling; the story is reproduced as published.
          leadIn:
            'fortæller innovationspraktkant Victor Mørk Johansen fra Arbejdstilsynet efter endt forløb.',
        },
        // The seed gives neither the video's address nor the article's: both are left empty, not guessed.
        { kind: 'video', caption: 'Se mere om COIs innovationspraktik i denne lille video:' },
        { kind: 'readAlso', label: 'Læs også artikel på Center for Offentlig Innovation her.' },
      ],
      topics: ['innovationspraktik'],
      interns: ['charlotte-gisselmann-jessen', 'charlotte-aakerstroem', 'victor-moerk-johansen'],
      contacts: ['thomas-boerager'],
      status: 'published',
    },
  ],
  pages: [
    {
      title: 'Privatlivspolitik',
      slug: 'privatlivspolitik',
      lead: 'Sådan behandler faxeifaellesskab.dk oplysninger om dig og om de personer, der optræder på sitet.',
      body: [
        'Sitet sætter ingen cookies, når du læser det, og bruger ingen statistik- eller sporingsværktøjer. Der sendes ingen oplysninger om dit besøg til andre.',
        'Videoer fra YouTube eller Vimeo hentes først, når du selv klikker på afspil. Først da sender din browser oplysninger til den tjeneste, videoen ligger hos.',
        'Sitet viser arbejdsoplysninger om kommunens kontaktpersoner (navn, titel, arbejdsmail og arbejdstelefon), så du kan kontakte dem om programmet.',
        'Sitet viser navn, stilling, organisation og citater fra de innovationspraktikanter, der har besøgt Faxe Kommune. Det sker kun, når praktikanten har givet samtykke til offentliggørelse, og formålet er at fortælle om programmets arbejde.',
        'Kun redaktionen logger ind på sitet. Deres login bruger en nødvendig cookie, som alene sættes i redaktionens administrationsværktøj.',
        'Har du spørgsmål til, hvordan oplysningerne behandles, så kontakt Faxe i Fællesskab via siden Kontakt.',
      ],
      status: 'published',
    },
    {
      title: 'Tilgængelighedserklæring',
      slug: 'tilgaengelighedserklaering',
      lead: 'faxeifaellesskab.dk skal kunne bruges af alle, også med skærmlæser, forstørrelse eller kun tastatur.',
      body: [
        'Sitet er bygget til at overholde WCAG 2.1 på niveau AA, som loven om tilgængelighed af offentlige organers websteder kræver. Hver sidetype testes automatisk for tilgængelighed og for brug med tastatur alene.',
        'Som offentlig myndighed offentliggør Faxe Kommune den formelle tilgængelighedserklæring for sitet på Digitaliseringsstyrelsens løsning was.digst.dk. Redaktionen indsætter et link til den her, når den foreligger.',
        'Oplever du problemer med at bruge sitet, så kontakt Faxe i Fællesskab via siden Kontakt.',
      ],
      status: 'published',
    },
  ],
  site: {
    name: 'Faxe i Fællesskab',
    description: 'Faxe i Fællesskab er Faxe Kommunes program for innovation og udvikling.',
    about: [
      'Faxe i Fællesskab er Faxe Kommunes program for innovation og udvikling. Her fortæller vi historierne om arbejdet, om de mennesker, der er med, og om de innovationspraktikanter, der har besøgt os.',
    ],
    vision: { statement: 'FAXE ER ET TILVALG - DET ER VORES VISION', motto: 'SAMMEN kan vi MERE' },
    dna: {
      heading: 'En del af vores DNA:',
      goalLabel: 'Vores mål;',
      goal: 'Vi har fokus på innovation og udvikling',
    },
  },
  footer: {
    operatorLine: 'faxeifaellesskab.dk drives af',
    addressLine: 'Faxe Kommune | Frederiksgade 9 | 4690 Haslev',
    editorLine: 'Redaktør, webmaster og procesleder: Thomas Børager',
    copyrightLine: 'Copyright 2017-2019. All Rights Reserved',
    accessibilityStatementUrl: '/tilgaengelighedserklaering',
    links: [{ label: 'Privatlivspolitik', href: '/privatlivspolitik' }],
  },
  navigation: {
    items: [
      { label: 'Forside', href: '/' },
      { label: 'Historier', href: '/historier' },
      { label: 'Praktikanter', href: '/praktikanter' },
      { label: 'Kontakt', href: '/kontakt' },
      { label: 'Om', href: '/om' },
    ],
  },
}
