import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { prepared } from '../database/prepared-statements.js';
import { readRows } from '../database/read-rows.js';
import type { AuthUser } from './auth-user.js';

/**
 * The session check as an SQL condition on two parameters, the user's id and the token's session
 * version: one primary-key lookup, true when the user exists, is active, and has not ended its
 * sessions since the token. SessionService asks it alone; a statement that carries it itself (the
 * plan page, logProgress) saves the round trip.
 */
export function currentSessionSql(userId: string, sessionVersion: string): string {
  return `EXISTS (SELECT 1 FROM users u WHERE u.id = ${userId}::uuid AND u.active AND u.session_version = ${sessionVersion}::int)`;
}

const CURRENT = prepared('session_current', `SELECT 1 AS ok WHERE ${currentSessionSql('$1', '$2')}`);

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
