/**
 * Enough of Azure Resource Manager's template expression language to evaluate deploy/azuredeploy.json the way ARM
 * would for given parameters: the tests read the app settings, lifecycle rules and role assignments a deployment
 * really produces, for each identity option, instead of pattern-matching expression strings. `reference()` answers
 * with sample runtime properties of the resource types the template reads.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface Template {
  $schema: string;
  parameters: Record<string, { type: string; defaultValue?: Json; allowedValues?: Json[] }>;
  variables: Record<string, Json>;
  resources: Resource[];
  outputs: Record<string, { type: string; value: Json }>;
}

export interface Resource {
  type: string;
  apiVersion: string;
  name: string;
  condition?: string;
  scope?: string;
  identity?: Json;
  properties?: Record<string, Json>;
  dependsOn?: string[];
}

/** What reference() returns for each resource type the template reads at deployment. */
export const RUNTIME: Record<string, Record<string, Json>> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities': {
    clientId: 'c1d2e3f4-0000-4000-8000-00000000c11d',
    principalId: 'p1d2e3f4-0000-4000-8000-00000000b1d0',
  },
  'Microsoft.Storage/storageAccounts': { primaryEndpoints: { blob: 'https://connsyncabc.blob.core.windows.net/' } },
  'Microsoft.Insights/components': {
    ConnectionString:
      'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
  },
  'Microsoft.Web/sites': { defaultHostName: 'connsync-bot.azurewebsites.net' },
};

/** When the evaluated deployment runs (utcNow). */
export const DEPLOYED_AT = '2026-12-07T10:00:00.000Z';

export class ArmEvaluator {
  copyIndex = 0;

  constructor(
    private readonly template: Template,
    private readonly given: Record<string, Json>,
  ) {}

  /** A JSON value with every `[expression]` string in it evaluated. */
  deep(value: Json): Json {
    if (typeof value === 'string') return this.evaluate(value);
    if (Array.isArray(value)) return value.map((item) => this.deep(item));
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [this.evaluate(key) as string, this.deep(item)]),
      );
    return value;
  }

  evaluate(text: string): Json {
    if (!text.startsWith('[') || text.startsWith('[[') || !text.endsWith(']')) return text;
    const parser = new Parser(text.slice(1, -1), this);
    const value = parser.expression();
    parser.end();
    return value;
  }

  parameter(name: string): Json {
    if (name in this.given) return this.given[name]!;
    const declared = this.template.parameters[name];
    if (!declared) throw new Error(`parameters('${name}') is not declared`);
    if (declared.defaultValue === undefined) throw new Error(`parameter ${name} has no value`);
    return this.deep(declared.defaultValue);
  }

  variable(name: string): Json {
    if (!(name in this.template.variables)) throw new Error(`variables('${name}') is not declared`);
    return this.deep(this.template.variables[name]!);
  }

  call(name: string, args: Json[]): Json {
    const text = (index: number): string => asText(args[index] ?? null);
    switch (name.toLowerCase()) {
      case 'parameters':
        return this.parameter(text(0));
      case 'variables':
        return this.variable(text(0));
      case 'concat':
        return Array.isArray(args[0]) ? (args as Json[][]).flat() : args.map(asText).join('');
      case 'if':
        return args[0] ? args[1]! : args[2]!;
      case 'equals':
        return JSON.stringify(args[0]) === JSON.stringify(args[1]);
      case 'not':
        return !args[0];
      case 'createarray':
        return args;
      case 'createobject':
        return Object.fromEntries(args.flatMap((_, i) => (i % 2 === 0 ? [[text(i), args[i + 1]!]] : [])));
      case 'resourceid':
      case 'subscriptionresourceid':
        return args.map(asText).join('/');
      case 'reference':
        return (
          RUNTIME[Object.keys(RUNTIME).find((type) => text(0).startsWith(`${type}/`)) ?? ''] ??
          fail(`reference(${text(0)}) has no sample`)
        );
      case 'take':
        return text(0).slice(0, Number(args[1]));
      case 'tolower':
        return text(0).toLowerCase();
      case 'replace':
        return text(0).split(text(1)).join(text(2));
      case 'length':
        return Array.isArray(args[0]) ? args[0].length : text(0).length;
      case 'utcnow':
        return DEPLOYED_AT;
      case 'datetimeadd': {
        const days = /^P(\d+)D$/.exec(text(1))?.[1] ?? fail(`dateTimeAdd(${text(1)}): only days are modelled`);
        return new Date(Date.parse(text(0)) + Number(days) * 86_400_000).toISOString();
      }
      case 'datetimetoepoch':
        return Math.floor(Date.parse(text(0)) / 1000);
      case 'uniquestring':
        return 'u7x2k9q4m1z8a';
      case 'guid':
        return `guid(${args.map(asText).join(',')})`;
      case 'copyindex':
        return this.copyIndex;
      case 'subscription':
        return { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
      case 'resourcegroup':
        return { id: '/subscriptions/s/resourceGroups/rg', location: 'westeurope' };
      case 'environment':
        return {
          authentication: { loginEndpoint: 'https://login.microsoftonline.com/' },
          suffixes: { storage: 'core.windows.net' },
        };
      default:
        return fail(`the evaluator does not know ${name}()`);
    }
  }
}

/** A scalar as ARM prints it in a string; objects and arrays as JSON. */
function asText(value: Json): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function fail(message: string): never {
  throw new Error(message);
}

/** Recursive descent over `name(args)`, 'strings', numbers, `.property` and `[index]`. */
class Parser {
  private at = 0;

  constructor(
    private readonly source: string,
    private readonly arm: ArmEvaluator,
  ) {}

  expression(): Json {
    let value = this.primary();
    for (;;) {
      this.spaces();
      if (this.peek('.')) {
        this.at += 1;
        value = (value as Record<string, Json>)[this.identifier()] ?? null;
      } else if (this.peek('[')) {
        this.at += 1;
        const key = this.expression();
        this.expect(']');
        value = (value as Record<string, Json>)[asText(key)] ?? null;
      } else return value;
    }
  }

  end(): void {
    this.spaces();
    if (this.at !== this.source.length) fail(`unexpected "${this.source.slice(this.at)}" in [${this.source}]`);
  }

  private primary(): Json {
    this.spaces();
    if (this.peek("'")) return this.string();
    const number = /^-?\d+/.exec(this.source.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    const name = this.identifier();
    if (name === 'true' || name === 'false') return name === 'true';
    this.expect('(');
    const args: Json[] = [];
    this.spaces();
    while (!this.peek(')')) {
      args.push(this.expression());
      this.spaces();
      if (this.peek(',')) this.at += 1;
      this.spaces();
    }
    this.expect(')');
    return this.arm.call(name, args);
  }

  private string(): string {
    let out = '';
    for (this.at += 1; this.at < this.source.length; this.at += 1) {
      if (this.source[this.at] === "'") {
        if (this.source[this.at + 1] !== "'") break;
        this.at += 1;
      }
      out += this.source[this.at];
    }
    this.expect("'");
    return out;
  }

  private identifier(): string {
    const match =
      /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.source.slice(this.at)) ??
      fail(`expected a name at "${this.source.slice(this.at)}"`);
    this.at += match[0].length;
    return match[0];
  }

  private spaces(): void {
    while (this.source[this.at] === ' ') this.at += 1;
  }

  private peek(char: string): boolean {
    return this.source[this.at] === char;
  }

  private expect(char: string): void {
    this.spaces();
    if (!this.peek(char)) fail(`expected ${char} at "${this.source.slice(this.at)}" in [${this.source}]`);
    this.at += 1;
  }
}
