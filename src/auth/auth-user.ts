import { Role } from '../common/enums.js';

/** Who is calling, as carried by the access token: no database round trip per request. */
export interface AuthUser {
  id: string;
  role: Role;
  /** PROJECT_SECRETARIAT and BOARD_MEMBER belong to one plan. */
  planId: string | null;
  /** AREA_SECRETARIAT belongs to one area secretariat. */
  areaSecretariatId: string | null;
  /** The user's session_version when the token was issued: a token of an older version is refused. */
  sessionVersion?: number;
}
