import { inject } from 'vitest'

export const baseUrl = (): string => inject('baseUrl')

export async function get(pathname: string, init?: RequestInit): Promise<Response> {
  return fetch(`${baseUrl()}${pathname}`, { redirect: 'manual', ...init })
}

export async function getJson<T = unknown>(
  pathname: string,
  init?: RequestInit,
): Promise<{ status: number; body: T }> {
  const response = await get(pathname, { ...init, headers: { accept: 'application/json', ...init?.headers } })
  return { status: response.status, body: (await response.json()) as T }
}
