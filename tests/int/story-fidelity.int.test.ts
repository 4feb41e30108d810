import { beforeAll, describe, expect, it } from 'vitest'
import { get } from '../helpers/http'
import { pageText } from '../helpers/page-text'

/**
 * The seed story as the old site published it (/work/shared/seeds/, reproduced in seeds/story.ts): the
 * sentences around the quotes, the attributions in the story's own words and the seed's punctuation.
 */

const STORY_PATH = '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene'

let html: string
let text: string

beforeAll(async () => {
  const response = await get(STORY_PATH)
  expect(response.status).toBe(200)
  html = await response.text()
  text = pageText(html)
})

describe('the seed story, as the seed words it', () => {
  it('keeps the lead-in after each quote, in the seed’s words', () => {
    expect(text).toContain(
      '»Godt nok kaldes de for praktikanter - men det var tre erfaringstunge praktikere, som Faxe Kommune havde besøg af.« fortæller proceslederen for Faxe i Fællesskab. Hhv. en udviklingskonsulent fra Herlev/Gentofte Hospital, en forretningsudvikler fra Arbejdstilsynet og en ledelsessupporter fra CBS.',
    )
    expect(text).toContain(
      'se hvordan I løser opgaverne close-up.« fortæller den ene innovationspraktikant Charlotte Åkerstrøm fra Herlev/Gentofte hospital. »Det gav en unik indsigt, at overvære teknisk service medarbejdernes drøftelser af dilemmaer og innovative løsninger i hverdagen.«',
    )
    expect(text).toContain(
      'heri lægger en stor læring!« fortæller innovationspraktkant Victor Mørk Johansen fra Arbejdstilsynet efter endt forløb.',
    )
  })

  it('does not name the process leader where the seed does not', () => {
    // The quote document keeps its speaker (Thomas Børager); the story shows the seed's attribution.
    // React separates adjacent text with empty comments; they are not part of what the reader sees.
    const quote = /besøg af\.«<\/p><\/blockquote><figcaption[^>]*>([^<]*)<\/figcaption>/.exec(
      html.replaceAll('<!-- -->', ''),
    )
    expect(quote?.[1]).toBe('fortæller proceslederen for Faxe i Fællesskab.')
  })

  it('keeps the featured quote with its speaker, and every paragraph of the body', () => {
    expect(text).toContain(
      '»Det var et gennemarbejdet og struktureret program, der sikrede en praksisnærhed!« Charlotte Gisselmann Jessen, innovationspraktikant fra CBS',
    )
    expect(text).toContain(
      'Det gav anledning til megen inspiration, da Faxe Kommune tog værtsskabet på sig ifm. Center for Offentlig Innovations praktikuge. Hvert år i uge 37 kan offentligt ansatte, som beskæftiger sig med udvikling af forskellig format, komme på besøg hos hinanden, for at hente inspiration til ny praksis.',
    )
    expect(text).toContain(
      'De fik lejlighed til at følge procesleder Thomas Børager og proceskonsulent Lenette Bech, rundt på opgaver i organisationen. Programmet vekslede mellem perspektiver på innovation – tanker, ambitioner, metoder, forberedelse og processer – til helt jordnære møder med organisationens ansatte på alle niveauer.',
    )
    expect(text).toContain(
      'Programmet var mættet med mange oplysninger og beretninger om vejen til hvor vi er nu. De mange indtryk blev fordøjet og drøftet igennem, og bar stor værdi for både vært og praktikanter. »Det har været et besøg',
    )
  })

  it('keeps "Læs også … her." whole, with no invented link target', () => {
    expect(text).toContain('Læs også artikel på Center for Offentlig Innovation her.')
    const readAlso = /<aside class="read-also"[^>]*>([\s\S]*?)<\/aside>/.exec(html)
    expect(readAlso?.[1]).toBe('<p>Læs også artikel på Center for Offentlig Innovation her.</p>')
  })

  it('shows nothing of the video, which has no address: no box and no caption', () => {
    expect(text).not.toContain('Se mere om COIs innovationspraktik')
    expect(text).not.toContain('Videoen er ikke længere tilgængelig')
    expect(html).not.toMatch(/class="video[ _"]/)
  })

  it('keeps the seed’s colons and its contact box', () => {
    expect(text).toContain('En del af vores DNA:')
    expect(text).toContain('Redaktør, webmaster og procesleder: Thomas Børager')
    expect(text).toContain('Vil du vide mere? Kontakt Thomas Børager')
    expect(text).toContain('tbrag@faxekommune.dk')
    expect(text).toContain('FAXE ER ET TILVALG - DET ER VORES VISION')
    expect(text).toContain('SAMMEN kan vi MERE')
  })
})
