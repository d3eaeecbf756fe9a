import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { prepared } from '../database/prepared-statements.js';
import { readRows } from '../database/read-rows.js';
import type { AuthUser } from './auth-user.js';

// One primary-key lookup: the user exists, is active, and has not ended its sessions since the token.
const CURRENT = prepared('session_current', 'SELECT 1 AS ok FROM users WHERE id = $1::uuid AND active AND session_version = $2::int');

/**
 * Whether an access token's session is still current: its user is active and its `session_version`
 * is the one the token carries. A deactivation, a change of role, plan or area secretariat, and a
 * password change raise the version (users.service.ts), so every earlier token fails this check on
 * every replica from the next request on. Asked once per request (the answer is kept with the
 * request object, so a query with several root fields still makes one lookup).
 */
@Injectable()
export class SessionService {
  private readonly checked = new WeakMap<object, Promise<boolean>>();

  constructor(private readonly dataSource: DataSource) {}

  isCurrent(request: object, auth: AuthUser): Promise<boolean> {
    let answer = this.checked.get(request);
    if (!answer) {
      answer = readRows(this.dataSource, CURRENT, [auth.id, auth.sessionVersion ?? 0]).then((rows) => rows.length === 1);
      this.checked.set(request, answer);
      // A failed lookup (an outage) is not remembered as an answer.
      answer.catch(() => this.checked.delete(request));
    }
    return answer;
  }
}

export const SESSION_ENDED = 'This session has ended (signed out elsewhere, password or role changed, or account deactivated): log in again';
