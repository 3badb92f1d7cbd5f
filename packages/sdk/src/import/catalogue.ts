/**
 * The typed resources the importer knows: Concourse type name → contrail class, with the
 * shapes their source and params must fit. A resource whose values do not fit stays a
 * plain `Resource`, which takes anything.
 */
import type { JsonValue } from "../model/common.ts";
import { GIT_FILES } from "../resources/git.ts";
import { REGISTRY_IMAGE_FILES } from "../resources/registry-image.ts";
import { REGISTRY_TAG_FILES, registryTagType } from "../resources/registry-tag.ts";
import {
  fits,
  GIT_GET_PARAMS,
  GIT_PUT_PARAMS,
  GIT_SOURCE,
  NO_PARAMS,
  type ObjectShape,
  REGISTRY_IMAGE_GET_PARAMS,
  REGISTRY_IMAGE_PUT_PARAMS,
  REGISTRY_IMAGE_SOURCE,
  REGISTRY_TAG_SOURCE,
} from "./shapes.ts";

/** A typed resource class. */
export interface CatalogueEntry {
  /** The class exported by contrail. */
  readonly className: string;
  readonly source: ObjectShape;
  readonly getParams: ObjectShape;
  /** Undefined for a type without `put`. */
  readonly putParams: ObjectShape | undefined;
  /** The handles of files a get writes. */
  readonly files: Readonly<Record<string, string>>;
  /** For a type that is not core: the type the class declares by default. */
  readonly defaultType?: { readonly exportName: string; readonly type: string; readonly source: Readonly<Record<string, JsonValue>> };
}

/** Typed classes by Concourse type name. */
export const CATALOGUE: Readonly<Record<string, CatalogueEntry>> = {
  git: { className: "GitResource", source: GIT_SOURCE, getParams: GIT_GET_PARAMS, putParams: GIT_PUT_PARAMS, files: GIT_FILES },
  "registry-image": {
    className: "RegistryImage",
    source: REGISTRY_IMAGE_SOURCE,
    getParams: REGISTRY_IMAGE_GET_PARAMS,
    putParams: REGISTRY_IMAGE_PUT_PARAMS,
    files: REGISTRY_IMAGE_FILES,
  },
  "registry-tag": {
    className: "RegistryTag",
    source: REGISTRY_TAG_SOURCE,
    getParams: NO_PARAMS,
    putParams: undefined,
    files: REGISTRY_TAG_FILES,
    defaultType: {
      exportName: "registryTagType",
      type: String(registryTagType.props.type),
      source: registryTagType.props.source as Readonly<Record<string, JsonValue>>,
    },
  },
};

/** True when `params` (absent, or an object) type-checks as `shape`. */
export function paramsFit(params: JsonValue | undefined, shape: ObjectShape): boolean {
  return params === undefined || fits(params, shape);
}
