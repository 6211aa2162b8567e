/**
 * JSON Schema files for curators, generated from the zod schemas in src/data/schema.ts.
 * Editors that understand "$schema" then complete and check the files as people type.
 */
import { z } from 'zod';
import {
  CuratedActor,
  KindEntry,
  MunicipalityEntry,
  Programme,
  RelationTypeEntry,
  SimpleEntry,
  Site,
  Source,
  DatasetMetadata,
} from '../../src/data/schema.ts';

const toSchema = (schema: z.ZodType, title: string, array = false) => {
  const body = z.toJSONSchema(array ? z.array(schema) : schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  return { ...body, title };
};

/** File name under data/schema/ → JSON Schema object. */
export function jsonSchemas(): Record<string, object> {
  return {
    'actor.schema.json': toSchema(CuratedActor, 'Aktörskartan actor (data/actors/<id>.json)'),
    'sites.schema.json': toSchema(Site, 'Aktörskartan sites (data/sites.json)', true),
    'programmes.schema.json': toSchema(
      Programme,
      'Aktörskartan programmes (data/programmes.json)',
      true,
    ),
    'sources.schema.json': toSchema(Source, 'Aktörskartan sources (data/sources.json)', true),
    'dataset.schema.json': toSchema(
      DatasetMetadata.omit({ updated: true }),
      'Aktörskartan dataset metadata (data/dataset.json)',
    ),
    'kinds.schema.json': toSchema(KindEntry, 'Actor kinds (data/vocabularies/kinds.json)', true),
    'vocabulary.schema.json': toSchema(
      SimpleEntry,
      'A simple vocabulary (sectors, facility types, programme roles)',
      true,
    ),
    'relation-types.schema.json': toSchema(
      RelationTypeEntry,
      'Relation types (data/vocabularies/relation-types.json)',
      true,
    ),
    'municipalities.schema.json': toSchema(
      MunicipalityEntry,
      'Municipalities (data/vocabularies/municipalities.json)',
      true,
    ),
  };
}

export const serializeSchema = (schema: object): string => `${JSON.stringify(schema, null, 2)}\n`;
