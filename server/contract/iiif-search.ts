/** IIIF Content Search answers: 2.0 (AnnotationPage of highlighting annotations) and 1.0 (sc:AnnotationList with hits). */
import { z } from 'zod';

const PageRef = z.object({ id: z.string(), type: z.literal('AnnotationPage') });

export const IiifSearch2 = z.object({
  '@context': z.literal('http://iiif.io/api/search/2/context.json'),
  id: z.string(),
  type: z.literal('AnnotationPage'),
  startIndex: z.number().int(),
  partOf: z.object({ id: z.string(), type: z.literal('AnnotationCollection'), total: z.number().int(), first: PageRef, last: PageRef }),
  prev: PageRef.optional(),
  next: PageRef.optional(),
  items: z.array(z.object({
    id: z.string(),
    type: z.literal('Annotation'),
    motivation: z.literal('highlighting'),
    body: z.object({ type: z.literal('TextualBody'), value: z.string(), format: z.literal('text/plain') }),
    /** canvas URI + `#xywh=x,y,w,h` in canvas (= master image) pixels. */
    target: z.string(),
  })),
});

export const IiifSearch1 = z.object({
  '@context': z.array(z.string()),
  '@id': z.string(),
  '@type': z.literal('sc:AnnotationList'),
  within: z.object({ '@type': z.literal('sc:Layer'), total: z.number().int(), first: z.string(), last: z.string() }),
  prev: z.string().optional(),
  next: z.string().optional(),
  startIndex: z.number().int(),
  resources: z.array(z.object({
    '@id': z.string(),
    '@type': z.literal('oa:Annotation'),
    motivation: z.literal('sc:painting'),
    resource: z.object({ '@type': z.literal('cnt:ContentAsText'), chars: z.string() }),
    on: z.string(),
  })),
  hits: z.array(z.object({
    '@type': z.literal('search:Hit'),
    annotations: z.array(z.string()),
    match: z.string(),
    before: z.string(),
    after: z.string(),
  })),
});
