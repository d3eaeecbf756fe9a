import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

/** How long the database may take to answer `SELECT 1` before the check reports it down. */
const HEALTH_TIMEOUT_MS = 1000;

/**
 * 200 when the database answers within a second, 503 when it does not (stopped, unreachable, or
 * every pooled connection busy for that long), and 503 while the server is stopping (src/server.ts
 * answers those before they get here). Load balancers take an instance out on 503 and back on 200;
 * the check never waits longer than a second, so a health probe with a 2 s timeout always gets an answer.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @HttpCode(200)
  async health(@Res({ passthrough: true }) res: Response): Promise<{ status: string; database: string }> {
    res.setHeader('Cache-Control', 'no-store');
    let timer: NodeJS.Timeout | undefined;
    try {
      if (!this.dataSource.isInitialized) throw new Error('the data source is closed');
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), HEALTH_TIMEOUT_MS);
        }),
      ]);
      return { status: 'ok', database: 'up' };
    } catch {
      res.status(503);
      return { status: 'unavailable', database: 'down' };
    } finally {
      clearTimeout(timer);
    }
  }
}
