import { Aspects } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { buildExampleApp } from '../test/example/app';
const { AwsSolutionsChecks } = require('/tmp/nag/package');
const { app, stack } = buildExampleApp();
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: false }));
const a = Annotations.fromStack(stack);
for (const e of [...a.findError('*', Match.anyValue()), ...a.findWarning('*', Match.anyValue())]) console.log(e.id, '|', String(e.entry.data).slice(0, 300));
