// `npm run dashboards`: regenerates the shipped dashboards, alert rules and PrometheusRule from the default
// monitoring settings, in place.
import { join } from 'node:path';
import { writeOutputs } from './cli';
import { DEFAULTS } from './config';

for (const path of writeOutputs(DEFAULTS, join(__dirname, '..', '..'))) console.log(`wrote ${path}`);
