import { z } from 'zod';
import type { Deps } from '../platform/context.js';
import type { App } from '../platform/http/app-type.js';
import { ctxOf } from '../platform/http/request-context.js';
import { createUnit } from './create-unit.js';
import { getUnit } from './get-unit.js';
import { listGrids } from './list-grids.js';
import { listUnits } from './list-units.js';
import { locate } from './locate.js';
import { createUnitBody, historyItem, locateQuery, unitIdParams, unitView, updateGridBody, updateUnitBody } from './schema.js';
import { unitHistory } from './unit-history.js';
import { updateGrid } from './update-grid.js';
import { updateUnit } from './update-unit.js';

/** The organisation tree, grid geometry and point location. */
export async function orgRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['org'];
  app.get('/api/org/units', { schema: { tags, summary: '组织单元列表 Units visible to the caller', response: { 200: z.object({ items: z.array(unitView) }) } } }, async (req) => ({
    items: await listUnits(ctxOf(deps, req)),
  }));

  app.get(
    '/api/org/units/:id',
    { schema: { tags, summary: '组织单元详情 A unit and its children', params: unitIdParams, response: { 200: z.object({ unit: unitView, children: z.array(unitView) }) } } },
    async (req) => getUnit(ctxOf(deps, req), req.params.id),
  );

  app.post('/api/org/units', { schema: { tags, summary: '新增组织单元 Add a unit', body: createUnitBody, response: { 201: z.object({ unit: unitView }) } } }, async (req, reply) => {
    const unit = await createUnit(ctxOf(deps, req), req.body);
    return reply.status(201).send({ unit });
  });

  app.patch(
    '/api/org/units/:id',
    { schema: { tags, summary: '修改组织单元 Rename, recode or move a unit', params: unitIdParams, body: updateUnitBody, response: { 200: z.object({ unit: unitView }) } } },
    async (req) => ({ unit: await updateUnit(ctxOf(deps, req), req.params.id, req.body) }),
  );

  app.get(
    '/api/org/units/:id/history',
    { schema: { tags, summary: '变更历史 Change history of a unit', params: unitIdParams, response: { 200: z.object({ items: z.array(historyItem) }) } } },
    async (req) => ({ items: await unitHistory(ctxOf(deps, req), req.params.id) }),
  );

  app.get('/api/org/grids', { schema: { tags, summary: '网格边界 GeoJSON of the grids visible to the caller' } }, async (req) => listGrids(ctxOf(deps, req)));

  app.patch('/api/org/grids/:id', { schema: { tags, summary: '修改网格 Redraw a grid or assign its grid worker', params: unitIdParams, body: updateGridBody } }, async (req) => ({
    grid: await updateGrid(ctxOf(deps, req), req.params.id, req.body),
  }));

  app.get(
    '/api/org/locate',
    {
      schema: {
        tags,
        summary: '定位网格 Which grid, village and township contain a point',
        querystring: locateQuery,
        response: { 200: z.object({ grid: z.object({ id: z.string(), name: z.string() }), village: z.object({ id: z.string(), name: z.string() }), township: z.object({ id: z.string(), name: z.string() }) }) },
      },
    },
    async (req) => locate(deps, req.query.lng, req.query.lat),
  );
}
