import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { NotFoundError } from '../../common/errors.js';
import { CSV_TYPE, startDownload, XLSX_TYPE } from '../http/downloads.js';
import { HttpAuth, langOf } from '../http/http-auth.js';
import { SpreadsheetErrorFilter } from '../http/spreadsheet-error.filter.js';
import { PLAN_TABLES, type PlanTable } from '../sheets/plan-sheets.js';
import { AnnualReportExportService } from './annual-report-export.service.js';
import { writeCsv } from './csv-writer.js';
import type { Lang } from '../sheets/sheet-layout.js';
import { PlanExportService, type SheetData } from './plan-export.service.js';
import { PortfolioExportService } from './portfolio-export.service.js';
import { WorkbookStream } from './workbook-writer.js';

/**
 * GET /exports/…: the plan workbook and its tables as CSV, a plan's annual report, the national and
 * area secretariat workbooks. Same token and scope as GraphQL (HttpAuth, then the services' AccessService checks);
 * every check runs before the first byte is sent, so a refusal is always a clean JSON error.
 */
@Controller('exports')
@UseFilters(SpreadsheetErrorFilter)
export class ExportsController {
  constructor(
    private readonly http: HttpAuth,
    private readonly planExport: PlanExportService,
    private readonly portfolioExport: PortfolioExportService,
    private readonly annualReportExport: AnnualReportExportService,
  ) {}

  @Get('plans/:planId.xlsx')
  async planWorkbook(@Req() req: Request, @Res() res: Response, @Param('planId') planId: string, @Query() query: Record<string, unknown>) {
    const auth = await this.http.caller(req);
    const lang = langOf(query);
    const { plan, sheets } = await this.planExport.planSheets(auth, planId);
    await writeWorkbook(res, lang, `plan-${plan.id}.xlsx`, sheets);
  }

  @Get('plans/:planId/:table.csv')
  async planTable(
    @Req() req: Request,
    @Res() res: Response,
    @Param('planId') planId: string,
    @Param('table') table: string,
    @Query() query: Record<string, unknown>,
  ) {
    const auth = await this.http.caller(req);
    const lang = langOf(query);
    if (!Object.hasOwn(PLAN_TABLES, table)) {
      throw new NotFoundError(`table "${table}" (one of ${Object.keys(PLAN_TABLES).join(', ')})`);
    }
    const layout = PLAN_TABLES[table as PlanTable];
    const { plan, sheets } = await this.planExport.planSheets(auth, planId);
    const { rows } = sheets.find((s) => s.layout === layout)!;
    startDownload(res, CSV_TYPE, `plan-${plan.id}-${table}.csv`);
    await writeCsv(res, layout, lang, rows);
  }

  @Get('plans/:planId/annual-reports/:year.xlsx')
  async annualReport(
    @Req() req: Request,
    @Res() res: Response,
    @Param('planId') planId: string,
    @Param('year') year: string,
    @Query() query: Record<string, unknown>,
  ) {
    const auth = await this.http.caller(req);
    const lang = langOf(query);
    const { report, sheets } = await this.annualReportExport.reportSheets(auth, planId, year);
    await writeWorkbook(res, lang, `annual-report-${report.period.planId}-${report.period.year}.xlsx`, sheets);
  }

  @Get('national.xlsx')
  async national(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const auth = await this.http.caller(req);
    const lang = langOf(query);
    const poolId = typeof query.poolId === 'string' && query.poolId !== '' ? query.poolId : undefined;
    const portfolio = await this.portfolioExport.national(auth, poolId);
    startDownload(res, XLSX_TYPE, poolId ? `national-${poolId}.xlsx` : 'national.xlsx');
    const book = new WorkbookStream(res, lang);
    await this.portfolioExport.write(portfolio, book);
    await book.end();
  }

  @Get('area-secretariats/:id.xlsx')
  async areaSecretariat(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Query() query: Record<string, unknown>) {
    const auth = await this.http.caller(req);
    const lang = langOf(query);
    const portfolio = await this.portfolioExport.areaSecretariat(auth, id);
    startDownload(res, XLSX_TYPE, `area-secretariat-${portfolio.filter.areaSecretariatId}.xlsx`);
    const book = new WorkbookStream(res, lang);
    await this.portfolioExport.write(portfolio, book);
    await book.end();
  }
}

/** A workbook whose sheets are read whole (one plan's, one report's), written in their order. */
async function writeWorkbook(res: Response, lang: Lang, fileName: string, sheets: SheetData[]): Promise<void> {
  startDownload(res, XLSX_TYPE, fileName);
  const book = new WorkbookStream(res, lang);
  for (const { layout, rows } of sheets) {
    const sheet = book.sheet(layout);
    for (const row of rows) await sheet.add(row);
    sheet.end();
  }
  await book.end();
}
