import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BadInputError } from '../../common/errors.js';
import { startDownload, XLSX_TYPE } from '../http/downloads.js';
import { HttpAuth, langOf } from '../http/http-auth.js';
import { SpreadsheetErrorFilter } from '../http/spreadsheet-error.filter.js';
import { writeImportTemplate } from './import-template.js';
import { PlanImportService } from './plan-import.service.js';
import { readUpload } from './upload.js';

/** GET /imports/plan-template.xlsx and POST /imports/plans/{planId}[?dryRun=true]. */
@Controller('imports')
@UseFilters(SpreadsheetErrorFilter)
export class ImportsController {
  constructor(
    private readonly http: HttpAuth,
    private readonly imports: PlanImportService,
  ) {}

  /** Anyone signed in. */
  @Get('plan-template.xlsx')
  async template(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>) {
    await this.http.caller(req);
    const lang = langOf(query);
    startDownload(res, XLSX_TYPE, lang === 'da' ? 'planspor-import-skabelon.xlsx' : 'planspor-import-template.xlsx');
    await writeImportTemplate(res, lang);
  }

  /** 200 with the answer when it has no errors, 422 with every error when it has (and then nothing is written). */
  @Post('plans/:planId')
  async importPlan(@Req() req: Request, @Res() res: Response, @Param('planId') planId: string, @Query() query: Record<string, unknown>) {
    const auth = await this.http.caller(req);
    const dryRun = dryRunOf(query.dryRun);
    const plan = await this.imports.editablePlan(auth, planId);
    const file = await readUpload(req);
    const answer = await this.imports.importWorkbook(auth, plan, file, dryRun);
    res.status(answer.ok ? 200 : 422).json(answer);
  }
}

function dryRunOf(value: unknown): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true' || value === '') return true;
  throw new BadInputError('dryRun', `must be true or false, got ${JSON.stringify(value)}`);
}
