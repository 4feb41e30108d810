import type { Metadata } from 'next'
import { getApiReference } from '@/lib/data/api-reference'
import { pageMetadata } from '@/lib/seo/metadata'

/**
 * A readable reference for the content API, rendered on the server from the same OpenAPI document that
 * /api/openapi.json serves (no client-side renderer: nothing to download, nothing for the CSP to allow).
 */

export const dynamic = 'force-static'

export const metadata: Metadata = pageMetadata({
  title: 'Indholds-API',
  description:
    'Dokumentation af det offentlige læse-API for Faxe i Fællesskab: historier, citater, praktikanter, kontakter og emner.',
  path: '/api/docs',
})

type Schema = {
  type?: string | string[]
  $ref?: string
  items?: Schema
  oneOf?: Schema[]
  anyOf?: Schema[]
  enum?: string[]
  const?: unknown
  format?: string
  properties?: Record<string, Schema>
  required?: string[]
  description?: string
  minimum?: number
  maximum?: number
  default?: unknown
  title?: string
}
type Parameter = { name: string; in: string; description?: string; required?: boolean; schema: Schema }
type Operation = {
  summary?: string
  description?: string
  tags?: string[]
  parameters?: Parameter[]
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>
}
type ApiDocument = {
  info: { title: string; version: string; description: string }
  servers: { url: string }[]
  tags: { name: string; description?: string }[]
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema> }
}

function refName(ref: string): string {
  return ref.replace('#/components/schemas/', '')
}

function typeLabel(schema: Schema | undefined): string {
  if (!schema) return 'vilkårlig'
  if (schema.$ref) return refName(schema.$ref)
  if (schema.oneOf) return schema.oneOf.map(typeLabel).join(' eller ')
  if (schema.anyOf) return schema.anyOf.map(typeLabel).join(' eller ')
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ')
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  return (
    types
      .map((t) => {
        if (t === 'array') return `liste af ${typeLabel(schema.items)}`
        if (t === 'null') return 'null'
        if (schema.format) return `${t} (${schema.format})`
        return t
      })
      .join(' | ') || 'vilkårlig'
  )
}

function rangeLabel(schema: Schema): string {
  const parts: string[] = []
  if (schema.minimum !== undefined && schema.maximum !== undefined)
    parts.push(`${schema.minimum}–${schema.maximum}`)
  if (schema.default !== undefined) parts.push(`standard ${String(schema.default)}`)
  return parts.length ? ` (${parts.join(', ')})` : ''
}

/** Descriptions mark code with backticks, as in the OpenAPI document; shown here as <code>. */
function Prose({ text }: { text: string }) {
  return <>{text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>
}

function anchor(method: string, path: string): string {
  return `${method}-${path}`
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
}

/**
 * A reference table with one header row. Wide tables scroll sideways on a phone; the region is focusable
 * so keyboard users can scroll it too.
 */
function ApiTable({
  label,
  caption,
  columns,
  children,
}: {
  label: string
  caption: string
  columns: string[]
  children: React.ReactNode
}) {
  return (
    <div className="api-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="api-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

function SchemaTable({ name, schema }: { name: string; schema: Schema }) {
  const required = new Set(schema.required ?? [])
  return (
    <ApiTable
      label={`Felter i ${name}`}
      caption={`Felter i ${name}`}
      columns={['Felt', 'Type', 'Beskrivelse']}
    >
      {Object.entries(schema.properties ?? {}).map(([field, fieldSchema]) => (
        <tr key={field}>
          <td>
            <code>{field}</code>
            {required.has(field) ? <span className="api-required"> (altid)</span> : null}
          </td>
          <td>{typeLabel(fieldSchema)}</td>
          <td>
            <Prose text={fieldSchema.description ?? ''} />
          </td>
        </tr>
      ))}
    </ApiTable>
  )
}

export default async function ApiDocsPage() {
  const doc = (await getApiReference()) as unknown as ApiDocument
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  )
  const server = doc.servers[0]?.url ?? ''
  return (
    <article className="container section api-docs">
      <h1>{doc.info.title}</h1>
      <p className="story__lead">
        <Prose text={doc.info.description} />
      </p>
      <p>
        Maskinlæsbar beskrivelse (OpenAPI 3.1): <a href="/api/openapi.json">/api/openapi.json</a>. Version{' '}
        {doc.info.version}.
      </p>
      <h2>Regler for alle kald</h2>
      <ul>
        <li>
          Anonyme kald ser kun udgivet indhold og offentlige felter. Skjulte felter opfører sig som felter,
          der ikke findes.
        </li>
        <li>
          Anonyme svar har <code>Cache-Control</code> og <code>ETag</code>; send <code>If-None-Match</code>{' '}
          for at få <code>304</code>. Svar til kald med login gemmes ikke.
        </li>
        <li>
          Fejl har formen <code>{'{"errors":[{"message":"…"}]}'}</code> og en 4xx-status, der siger hvad der
          er galt.
        </li>
        <li>Browserkald fra andre domæner (CORS) er kun tilladt for læsning og kun fra godkendte domæner.</li>
      </ul>
      <h2>Eksempel</h2>
      <pre className="api-example" tabIndex={0} role="region" aria-label="Eksempel med curl">
        <code>{`curl '${server}/api/articles?limit=3&sort=-publishedAt&depth=0&select[title]=true&select[slug]=true'`}</code>
      </pre>
      <nav aria-labelledby="api-toc">
        <h2 id="api-toc">Kald</h2>
        <ul>
          {operations.map(({ path, method, operation }) => (
            <li key={`${method} ${path}`}>
              <a href={`#${anchor(method, path)}`}>
                <code>{`${method.toUpperCase()} ${path}`}</code>
              </a>{' '}
              {operation.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, operation }) => {
        const ok = operation.responses['200']?.content?.['application/json']?.schema
        const okName = ok?.$ref ? refName(ok.$ref) : undefined
        const okSchema = okName ? doc.components.schemas[okName] : ok
        const docName = okSchema?.properties?.docs?.items?.$ref
          ? refName(okSchema.properties.docs.items.$ref)
          : okName
        const docSchema = docName ? doc.components.schemas[docName] : undefined
        return (
          <section key={`${method} ${path}`} className="api-operation" aria-labelledby={anchor(method, path)}>
            <h3 id={anchor(method, path)}>
              <code>{`${method.toUpperCase()} ${path}`}</code>
            </h3>
            <p>{operation.summary}</p>
            {operation.description ? <p>{operation.description}</p> : null}
            {operation.parameters?.length ? (
              <ApiTable
                label={`Parametre til ${method.toUpperCase()} ${path}`}
                caption="Parametre"
                columns={['Navn', 'Hvor', 'Type', 'Beskrivelse']}
              >
                {operation.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`}>
                    <td>
                      <code>{p.name}</code>
                    </td>
                    <td>{p.in === 'query' ? 'adresse' : p.in === 'path' ? 'sti' : 'header'}</td>
                    <td>{`${typeLabel(p.schema)}${rangeLabel(p.schema)}`}</td>
                    <td>
                      <Prose text={p.description ?? ''} />
                    </td>
                  </tr>
                ))}
              </ApiTable>
            ) : null}
            <p>
              Svar:{' '}
              {Object.entries(operation.responses)
                .map(([status, response]) => `${status} ${response.description}`)
                .join(' · ')}
            </p>
            {docName && docSchema && path.endsWith('{id}') ? (
              <SchemaTable name={docName} schema={docSchema} />
            ) : null}
            {docName && docSchema && path.startsWith('/api/globals/') ? (
              <SchemaTable name={docName} schema={docSchema} />
            ) : null}
          </section>
        )
      })}
    </article>
  )
}
