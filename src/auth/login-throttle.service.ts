import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { prepared } from '../database/prepared-statements.js';
import { readRows } from '../database/read-rows.js';
import { LoginThrottle, type FailureStore, type LoginAttempt } from './login-throttle.js';

// The throttle asks about exactly two keys (the account and the address): one statement.
const BLOCKING = prepared(
  'login_failures_blocking',
  `SELECT
     (SELECT failed_at FROM login_failures WHERE key = $1 AND failed_at > $5 ORDER BY failed_at DESC OFFSET $2 LIMIT 1) AS first,
     (SELECT failed_at FROM login_failures WHERE key = $3 AND failed_at > $5 ORDER BY failed_at DESC OFFSET $4 LIMIT 1) AS second`,
);

/** Failures in the `login_failures` table, which every replica of the database shares. */
class PostgresFailureStore implements FailureStore {
  constructor(private readonly dataSource: DataSource) {}

  async blocking(keys: { key: string; max: number }[], since: number): Promise<(number | undefined)[]> {
    if (keys.length !== 2) throw new Error('the login throttle asks about an account and an address');
    const [account, address] = keys as [{ key: string; max: number }, { key: string; max: number }];
    const [row] = await readRows<{ first: Date | null; second: Date | null }>(this.dataSource, BLOCKING, [
      account.key,
      account.max - 1,
      address.key,
      address.max - 1,
      new Date(since),
    ]);
    return [row?.first?.getTime(), row?.second?.getTime()];
  }

  async add(keys: string[], at: number, forgetUpTo: number): Promise<void> {
    // Failures that have left the window are deleted as new ones arrive, so the table stays small.
    await this.dataSource.query(
      `WITH gone AS (DELETE FROM login_failures WHERE failed_at <= $3::timestamptz)
       INSERT INTO login_failures (key, failed_at) SELECT unnest($1::text[]), $2::timestamptz`,
      [keys, new Date(at), new Date(forgetUpTo)],
    );
  }
}

/** The app's login throttle (API.md, "Added by the hardening issue"), shared by every replica. */
@Injectable()
export class LoginThrottleService {
  private readonly throttle: LoginThrottle;

  constructor(@Inject(APP_CONFIG) config: AppConfig, dataSource: DataSource) {
    this.throttle = new LoginThrottle(config.loginThrottle, new PostgresFailureStore(dataSource));
  }

  /** Rejects with LoginThrottledError (TOO_MANY_REQUESTS, HTTP 429) while the account or address is blocked. */
  begin(email: string, address: string | undefined): Promise<LoginAttempt> {
    return this.throttle.begin(email, address);
  }
}
