/**
 * The few parts of the ONNX protobuf format the int8 derivation reads and writes (`onnx.proto`, field numbers as
 * there): a model's graph, its nodes, attributes and initializers. Everything else in a message is carried through as
 * raw fields, byte for byte, so a model written back unchanged loads as the original.
 */

/** One protobuf field as found on the wire: varints as bigint, length-delimited and fixed fields as bytes. */
export interface WireField {
  field: number;
  wireType: number;
  value: bigint | Uint8Array;
}

function readVarint(bytes: Uint8Array, at: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    const byte = bytes[at++]!;
    result |= BigInt(byte & 0x7f) << shift;
    if (byte < 0x80) return [result, at];
    shift += 7n;
  }
}

/** The fields of one message, in wire order. */
export function decodeMessage(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let at = 0;
  while (at < bytes.length) {
    const [key, next] = readVarint(bytes, at);
    at = next;
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (wireType === 0) {
      const [value, after] = readVarint(bytes, at);
      fields.push({ field, wireType, value });
      at = after;
    } else if (wireType === 2) {
      const [length, after] = readVarint(bytes, at);
      const end = after + Number(length);
      fields.push({ field, wireType, value: bytes.subarray(after, end) });
      at = end;
    } else if (wireType === 5 || wireType === 1) {
      const size = wireType === 5 ? 4 : 8;
      fields.push({ field, wireType, value: bytes.subarray(at, at + size) });
      at += size;
    } else {
      throw new Error(`protobuf wire type ${wireType} is not read`);
    }
  }
  return fields;
}

function varintBytes(value: bigint): number[] {
  // Negative int64 values are written as their 64-bit two's complement (ten bytes).
  let rest = value < 0n ? (1n << 64n) + value : value;
  const out: number[] = [];
  while (rest >= 0x80n) {
    out.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  out.push(Number(rest));
  return out;
}

/** The message's bytes: the fields in the order given. */
export function encodeMessage(fields: readonly WireField[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const { field, wireType, value } of fields) {
    const head = Uint8Array.from(varintBytes(BigInt((field << 3) | wireType)));
    parts.push(head);
    size += head.length;
    if (wireType === 0) {
      const body = Uint8Array.from(varintBytes(value as bigint));
      parts.push(body);
      size += body.length;
    } else {
      const body = value as Uint8Array;
      if (wireType === 2) {
        const length = Uint8Array.from(varintBytes(BigInt(body.length)));
        parts.push(length);
        size += length.length;
      }
      parts.push(body);
      size += body.length;
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const text = new TextEncoder();
const untext = new TextDecoder();

const stringField = (field: number, value: string): WireField => ({ field, wireType: 2, value: text.encode(value) });
const bytesField = (field: number, value: Uint8Array): WireField => ({ field, wireType: 2, value });
const varintField = (field: number, value: number | bigint): WireField => ({ field, wireType: 0, value: BigInt(value) });

/** ONNX `TensorProto.DataType` values used here. */
export const OnnxDataType = { float: 1, uint8: 2, int8: 3, int32: 6, int64: 7 } as const;

/** A graph node (`NodeProto`: input 1, output 2, name 3, op_type 4, attribute 5, domain 7); other fields kept raw. */
export interface OnnxNode {
  inputs: string[];
  outputs: string[];
  name: string;
  opType: string;
  domain: string;
  /** Each attribute's `AttributeProto` bytes, untouched. */
  attributes: Uint8Array[];
  rest: WireField[];
}

export function decodeNode(bytes: Uint8Array): OnnxNode {
  const node: OnnxNode = { inputs: [], outputs: [], name: '', opType: '', domain: '', attributes: [], rest: [] };
  for (const f of decodeMessage(bytes)) {
    const value = f.value as Uint8Array;
    if (f.field === 1) node.inputs.push(untext.decode(value));
    else if (f.field === 2) node.outputs.push(untext.decode(value));
    else if (f.field === 3) node.name = untext.decode(value);
    else if (f.field === 4) node.opType = untext.decode(value);
    else if (f.field === 5) node.attributes.push(value);
    else if (f.field === 7) node.domain = untext.decode(value);
    else node.rest.push(f);
  }
  return node;
}

export function encodeNode(node: OnnxNode): Uint8Array {
  return encodeMessage([
    ...node.inputs.map((name) => stringField(1, name)),
    ...node.outputs.map((name) => stringField(2, name)),
    stringField(3, node.name),
    stringField(4, node.opType),
    ...node.attributes.map((a) => bytesField(5, a)),
    ...(node.domain ? [stringField(7, node.domain)] : []),
    ...node.rest,
  ]);
}

/** An `AttributeProto` of type INT (name 1, i 3, type 20 = 2). */
export function intAttribute(name: string, value: number): Uint8Array {
  return encodeMessage([stringField(1, name), varintField(3, value), varintField(20, 2)]);
}

/** The attribute's name and, for INT / INTS attributes, its integers. */
export function readAttribute(bytes: Uint8Array): { name: string; ints: number[] } {
  let name = '';
  const ints: number[] = [];
  for (const f of decodeMessage(bytes)) {
    if (f.field === 1) name = untext.decode(f.value as Uint8Array);
    else if (f.field === 3) ints.push(Number(f.value as bigint));
    else if (f.field === 8 && f.wireType === 0) ints.push(Number(f.value as bigint));
    else if (f.field === 8 && f.wireType === 2) {
      let at = 0;
      const packed = f.value as Uint8Array;
      while (at < packed.length) {
        const [value, next] = readVarint(packed, at);
        ints.push(Number(BigInt.asIntN(64, value)));
        at = next;
      }
    }
  }
  return { name, ints };
}

/** A constant tensor (`TensorProto`: dims 1, data_type 2, float_data 4, name 8, raw_data 9). */
export interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: number;
  /** Little-endian element bytes (`raw_data`, or `float_data` turned into bytes). */
  data: Uint8Array;
}

export function decodeTensor(bytes: Uint8Array): OnnxTensor {
  const tensor: OnnxTensor = { name: '', dims: [], dataType: 0, data: new Uint8Array(0) };
  const floats: Uint8Array[] = [];
  for (const f of decodeMessage(bytes)) {
    if (f.field === 1) {
      if (f.wireType === 0) tensor.dims.push(Number(f.value as bigint));
      else {
        const packed = f.value as Uint8Array;
        let at = 0;
        while (at < packed.length) {
          const [value, next] = readVarint(packed, at);
          tensor.dims.push(Number(value));
          at = next;
        }
      }
    } else if (f.field === 2) tensor.dataType = Number(f.value as bigint);
    else if (f.field === 8) tensor.name = untext.decode(f.value as Uint8Array);
    else if (f.field === 9) tensor.data = f.value as Uint8Array;
    else if (f.field === 4) floats.push(f.value as Uint8Array);
  }
  if (floats.length > 0 && tensor.data.length === 0) {
    const total = floats.reduce((n, part) => n + part.length, 0);
    tensor.data = new Uint8Array(total);
    let at = 0;
    for (const part of floats) {
      tensor.data.set(part, at);
      at += part.length;
    }
  }
  return tensor;
}

export function encodeTensor(tensor: OnnxTensor): Uint8Array {
  return encodeMessage([
    ...tensor.dims.map((d) => varintField(1, d)),
    varintField(2, tensor.dataType),
    stringField(8, tensor.name),
    bytesField(9, tensor.data),
  ]);
}

/** A tensor's elements as float32 (float tensors only). */
export function tensorFloats(tensor: OnnxTensor): Float32Array {
  if (tensor.dataType !== OnnxDataType.float) throw new Error(`tensor ${tensor.name} is not float`);
  // A copy, aligned (a Buffer's `slice` would be a view into the file's bytes at any offset).
  const copy = new Uint8Array(tensor.data);
  return new Float32Array(copy.buffer, 0, copy.length / 4);
}

/**
 * A model opened for rewriting: its graph's nodes and initializers decoded, every other field kept as read.
 * `ModelProto.graph` is field 7; `GraphProto` node 1, initializer 5, output 12.
 */
export interface OnnxModel {
  modelRest: WireField[];
  graphRest: WireField[];
  nodes: OnnxNode[];
  initializers: Map<string, OnnxTensor>;
  /** Graph outputs (`ValueInfoProto` bytes) as read; new ones may be pushed (name only). */
  outputs: Uint8Array[];
}

export function decodeModel(bytes: Uint8Array): OnnxModel {
  const model: OnnxModel = { modelRest: [], graphRest: [], nodes: [], initializers: new Map(), outputs: [] };
  for (const f of decodeMessage(bytes)) {
    if (f.field !== 7) {
      model.modelRest.push(f);
      continue;
    }
    for (const g of decodeMessage(f.value as Uint8Array)) {
      const value = g.value as Uint8Array;
      if (g.field === 1) model.nodes.push(decodeNode(value));
      else if (g.field === 5) {
        const tensor = decodeTensor(value);
        model.initializers.set(tensor.name, tensor);
      } else if (g.field === 12) model.outputs.push(value);
      else model.graphRest.push(g);
    }
  }
  return model;
}

export function encodeModel(model: OnnxModel): Uint8Array {
  const graph = encodeMessage([
    ...model.nodes.map((node) => bytesField(1, encodeNode(node))),
    ...[...model.initializers.values()].map((tensor) => bytesField(5, encodeTensor(tensor))),
    ...model.graphRest,
    ...model.outputs.map((output) => bytesField(12, output)),
  ]);
  return encodeMessage([...model.modelRest, bytesField(7, graph)]);
}

/** `Constant` nodes holding a tensor become initializers, so weights can be found and rewritten by name. */
export function liftConstants(model: OnnxModel): void {
  const kept: OnnxNode[] = [];
  for (const node of model.nodes) {
    let tensor: OnnxTensor | undefined;
    if (node.opType === 'Constant' && !node.domain) {
      for (const attribute of node.attributes) {
        const fields = decodeMessage(attribute);
        const name = fields.find((f) => f.field === 1);
        const value = fields.find((f) => f.field === 5);
        if (name && untext.decode(name.value as Uint8Array) === 'value' && value) tensor = decodeTensor(value.value as Uint8Array);
      }
    }
    if (!tensor) {
      kept.push(node);
      continue;
    }
    tensor.name = node.outputs[0]!;
    model.initializers.set(tensor.name, tensor);
  }
  model.nodes = kept;
}
