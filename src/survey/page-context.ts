/**
 * What every survey route shares: the draft cookie, the page language, the layout's context (quick exit,
 * language switcher, privacy link) and the paths of positions. Kept out of the routes so they stay thin.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError, type AppErrorCode } from '../lib/errors.ts';
import { LANGUAGES, preferredLanguage, type Translator } from '../lib/i18n.ts';
import type { Wave } from '../programme/index.ts';
import type { Draft } from './drafts.repository.ts';
import { pageIdOf, type Position } from './journey.ts';
import { formatResumeCode } from './resume-code.ts';
import type { SurveyService } from './survey.service.ts';

/** What the survey routes need from the platform (a subset of Services). */
export interface SurveyRoutesDeps {
  survey: SurveyService;
  i18n: Translator;
  config: Pick<Config, 'publicUrl' | 'draftTtlDays'>;
}

/** The draft cookie: an opaque random token, scoped to one wave's path. */
export const DRAFT_COOKIE = 'bs_draft';
/** The language chosen before a draft exists (not personal: a language code). */
export const LANG_COOKIE = 'bs_lang';
/** Where "Leave this page quickly" goes: a neutral, popular page. */
export const EXIT_URL = 'https://www.bbc.co.uk/weather';

/** A language's name in its own script, for the switcher. */
const nativeName = (code: string): string => LANGUAGES.find((l) => l.code === code)?.nativeName ?? code;

/** The path of a wave's survey, where its cookie lives. */
export const wavePath = (linkCode: string): string => `/s/${encodeURIComponent(linkCode)}`;

/** The address of a position in the journey. */
export function positionPath(linkCode: string, p: Position): string {
  const page = pageIdOf(p);
  if (page !== undefined) return `${wavePath(linkCode)}/p/${encodeURIComponent(page)}`;
  return `${wavePath(linkCode)}/${p}`;
}

/** Builds the helpers the routes share over the platform's services. */
export function pageKit(deps: SurveyRoutesDeps) {
  const secure = deps.config.publicUrl.startsWith('https:');
  const cookieOptions = (linkCode: string) => ({ path: wavePath(linkCode), httpOnly: true, sameSite: 'lax' as const, secure });

  /**
   * The languages a wave offers young people, its first one being the default: those it lists that have
   * catalogues and are either reviewed throughout or switched on as a draft for this wave.
   */
  function languagesOf(wave: Wave | undefined): string[] {
    const available = deps.i18n.languages();
    const usable = (l: string) => available.includes(l) && (deps.i18n.reviewed(l) || (wave?.draftLanguages ?? []).includes(l));
    const offered = (wave?.languages ?? []).filter(usable);
    return offered.length > 0 ? offered : ['en'];
  }

  /**
   * The page language: the draft's, else the one chosen before starting, else the browser's preferred one
   * (Accept-Language, read only to choose: never stored or logged), else the wave's first.
   */
  function languageFor(req: FastifyRequest, wave: Wave | undefined, draft?: Draft): string {
    const offered = languagesOf(wave);
    const wanted = [draft?.language, req.cookies[LANG_COOKIE], preferredLanguage(req.headers['accept-language'], offered)];
    return wanted.find((l): l is string => l !== undefined && offered.includes(l)) ?? offered[0] ?? 'en';
  }

  /** Catalogue keys that exist under a prefix, numbered from 1: `prefix1`, `prefix2`... */
  function numbered(lang: string, prefix: string): string[] {
    const out: string[] = [];
    for (let i = 1; i < 50; i++) {
      const key = `${prefix}${i}`;
      if (!deps.i18n.has(lang, key) && !deps.i18n.has('en', key)) break;
      out.push(key);
    }
    return out;
  }

  /** The context the survey layout needs; `here` is the page's own path, for the language switcher. */
  function layout(lang: string, wave: Wave | undefined, here: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const offered = languagesOf(wave);
    return {
      lang,
      dir: LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr',
      linkCode: wave?.linkCode,
      wavePath: wave ? wavePath(wave.linkCode) : undefined,
      here,
      exitUrl: EXIT_URL,
      languages: offered.length > 1 ? offered.map((code) => ({ code, name: nativeName(code) })) : [],
      privacyHref: wave ? `${wavePath(wave.linkCode)}/privacy` : '/privacy',
      paras: (prefix: string) => numbered(lang, prefix),
      ...extra,
    };
  }

  return {
    languagesOf,
    languageFor,
    layout,
    setDraftCookie(reply: FastifyReply, linkCode: string, token: string): void {
      void reply.setCookie(DRAFT_COOKIE, token, cookieOptions(linkCode));
    },
    clearDraftCookie(reply: FastifyReply, linkCode: string): void {
      void reply.clearCookie(DRAFT_COOKIE, cookieOptions(linkCode));
    },
    setLanguageCookie(reply: FastifyReply, linkCode: string, lang: string): void {
      void reply.setCookie(LANG_COOKIE, lang, cookieOptions(linkCode));
    },
    draftToken: (req: FastifyRequest): string | undefined => req.cookies[DRAFT_COOKIE],
  };
}

export type PageKit = ReturnType<typeof pageKit>;

/** Renders the friendly page of an expected refusal with its status, and an optional way on. */
export function problem(
  reply: FastifyReply,
  code: AppErrorCode,
  ctx: Record<string, unknown>,
  action?: { href: string; label: string },
): FastifyReply {
  const status = new AppError(code).status;
  return reply.render('error.njk', { ...ctx, code, status, ...(action ? { action } : {}) }, status);
}

/** Loads the wave and this browser's draft; otherwise replies (start page, or "your answers have gone"). */
export async function withDraft(
  deps: SurveyRoutesDeps,
  kit: PageKit,
  req: FastifyRequest,
  reply: FastifyReply,
  code: string,
): Promise<{ wave: Wave; draft: Draft; lang: string } | undefined> {
  const wave = await deps.survey.openWave(code);
  const found = await deps.survey.findDraft(wave, kit.draftToken(req));
  if (found.kind === 'found') return { wave, draft: found.draft, lang: kit.languageFor(req, wave, found.draft) };
  kit.clearDraftCookie(reply, wave.linkCode);
  if (found.kind === 'expired') {
    const lang = kit.languageFor(req, wave);
    problem(reply, 'draft_expired', kit.layout(lang, wave, req.url), { href: wavePath(wave.linkCode), label: 'survey.start_again' });
  } else {
    await reply.redirect(wavePath(wave.linkCode), 303);
  }
  return undefined;
}

/** The context of the page that shows a new resume code. */
export function savedContext(deps: SurveyRoutesDeps, wave: Wave, draft: Draft, code: string): Record<string, unknown> {
  const grouped = formatResumeCode(code);
  return {
    code: grouped,
    groups: grouped.split('-'),
    // Spelled out for screen readers, which may otherwise read a group such as "MN" as a word.
    spelled: [...code].join(', '),
    days: deps.config.draftTtlDays,
    resumeUrl: `${deps.config.publicUrl}/resume`,
    continueHref: positionPath(wave.linkCode, draft.position),
  };
}

