// The SharePoint Framework's build wants a file at the root of src/; the web part is in webparts/proforma/.
export {};
