// The parts of the `datapackage` npm package (Frictionless v1 reader) that the tests use.
declare module 'datapackage' {
  interface Resource {
    name: string;
    read(options?: { relations?: boolean; keyed?: boolean }): Promise<unknown[]>;
  }
  interface Package {
    valid: boolean;
    errors: Error[];
    resources: Resource[];
    getResource(name: string): Resource;
  }
  const datapackage: { Package: { load(descriptor: string | Record<string, unknown>, options?: { basePath?: string }): Promise<Package> } };
  export default datapackage;
}
