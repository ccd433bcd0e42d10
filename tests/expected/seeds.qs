Q16	P463	Q1065	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium and Canada are member states of a variety of international organizations. They include: the United Nations" */
Q16	P463	Q7184	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium and Canada are close allies. Both have a stance of multilateralism and are members of NATO" */
Q16	P530	Q31	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "relations between Brussels and Ottawa" */
Q2145	P131	Q176	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Quebec City, the capital of the province of Quebec" */
Q231	P17	Q31	S1476	en:"Canada - Belgium Relations"	/* source: "Canada - Belgium Relations", Government of Canada: "Belgian regions (Walloon Region" */
Q240	P17	Q31	S1476	en:"Canada - Belgium Relations"	/* source: "Canada - Belgium Relations", Government of Canada: "Belgian regions (Walloon Region, Brussels-Capital Region" */
Q24639	P17	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Vancouver, the port city on the Canadian" */
Q30	P530	Q31	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Belgium and the US first established diplomatic relations" */
Q31	P463	Q1065	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium and Canada are member states of a variety of international organizations. They include: the United Nations" */
Q31	P463	Q458	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Among EU countries, Belgium" */
Q31	P463	Q7184	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Belgium is a reliable NATO ally" */
Q31	P530	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "relations between Brussels and Ottawa" */
Q31	P530	Q30	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Belgium and the US first established diplomatic relations" */
Q31	P530	Q96	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "The relationship with Mexico" */
Q96	P530	Q31	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "The relationship with Mexico" */
CREATE
LAST	Len	"Representation of Brussels-Capital in Montreal"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal" */
LAST	P137	Q240	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal" */
LAST	P17	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal" */
LAST	P131	Q340	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal" */
CREATE
LAST	Len	"Representation of Brussels-Capital in Toronto"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto" */
LAST	P137	Q240	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto" */
LAST	P17	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto" */
LAST	P131	Q172	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto" */
CREATE
LAST	Len	"Representation of Brussels-Capital in Vancouver"	/* source: "Canada - Belgium Relations", Government of Canada: "a new Brussels-Capital economic and trade office in Vancouver" */
LAST	P137	Q240	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Brussels Region has opened an office in Vancouver" */
LAST	P17	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Brussels Region has opened an office in Vancouver" */
LAST	P131	Q24639	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Brussels Region has opened an office in Vancouver" */
CREATE
LAST	Len	"Representation of Flanders in Montreal"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal" */
LAST	P17	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal" */
LAST	P131	Q340	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal" */
CREATE
LAST	Len	"Representation of Flanders in Toronto"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto" */
LAST	P17	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto" */
LAST	P131	Q172	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto" */
CREATE
LAST	Len	"Representation of French Community of Belgium in Quebec City"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "French Community also has a delegation in Quebec City" */
LAST	P17	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "French Community also has a delegation in Quebec City" */
LAST	P131	Q2145	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "French Community also has a delegation in Quebec City" */
CREATE
LAST	Len	"Representation of Wallonia in Montreal"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal" */
LAST	P137	Q231	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal" */
LAST	P17	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal" */
LAST	P131	Q340	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal" */
CREATE
LAST	Len	"Representation of Wallonia in Quebec City"	/* source: "Canada - Belgium Relations", Government of Canada: "Walloon Region and the French community of Belgium also have a delegation in Quebec City" */
LAST	P137	Q231	S1476	en:"Canada - Belgium Relations"	/* source: "Canada - Belgium Relations", Government of Canada: "Walloon Region and the French community of Belgium also have a delegation in Quebec City" */
LAST	P17	Q16	S1476	en:"Canada - Belgium Relations"	/* source: "Canada - Belgium Relations", Government of Canada: "Walloon Region and the French community of Belgium also have a delegation in Quebec City" */
LAST	P131	Q2145	S1476	en:"Canada - Belgium Relations"	/* source: "Canada - Belgium Relations", Government of Canada: "Walloon Region and the French community of Belgium also have a delegation in Quebec City" */
CREATE
LAST	Len	"Representation of Wallonia in Toronto"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto" */
LAST	P137	Q231	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto" */
LAST	P17	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto" */
LAST	P131	Q172	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto" */
CREATE
LAST	Len	"Consulate of Belgium in Montreal"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Consulate General in Montreal" */
LAST	P31	Q372690	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Consulate General in Montreal" */
LAST	P137	Q31	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Consulate General in Montreal" */
LAST	P17	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Consulate General in Montreal" */
LAST	P131	Q340	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Consulate General in Montreal" */
CREATE
LAST	Len	"Consulate of Belgium in Toronto"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto" */
LAST	P31	Q7843791	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto" */
LAST	P137	Q31	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto" */
LAST	P17	Q16	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto" */
LAST	P131	Q172	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto" */
LAST	P576	+2014-00-00T00:00:00Z/9	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014" */
CREATE
LAST	Len	"Consulate of Belgium in Atlanta"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta" */
LAST	P31	Q372690	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta" */
LAST	P137	Q31	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta" */
LAST	P17	Q30	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta" */
LAST	P131	Q23556	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta" */
CREATE
LAST	Len	"Consulate of Belgium in Los Angeles"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles" */
LAST	P31	Q372690	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles" */
LAST	P137	Q31	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles" */
LAST	P17	Q30	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles" */
LAST	P131	Q65	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles" */
CREATE
LAST	Len	"Consulate of Belgium in New York City"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York" */
LAST	P31	Q372690	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York" */
LAST	P137	Q31	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York" */
LAST	P17	Q30	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York" */
LAST	P131	Q60	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York" */
CREATE
LAST	Len	"Embassy of Belgium in Canada"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Belgium has one in Ottawa" */
LAST	P31	Q3917681	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Belgium has one in Ottawa" */
LAST	P137	Q31	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Belgium has one in Ottawa" */
LAST	P17	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Belgium has one in Ottawa" */
LAST	P131	Q1930	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Belgium has one in Ottawa" */
CREATE
LAST	Len	"Embassy of Belgium in United States"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington" */
LAST	P31	Q3917681	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington" */
LAST	P137	Q31	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington" */
LAST	P17	Q30	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington" */
LAST	P131	Q61	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "the Belgian Embassy in Washington" */
CREATE
LAST	Len	"Honorary Consulate of Belgium in Edmonton"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton" */
LAST	P31	Q23891529	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton" */
LAST	P137	Q31	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton" */
LAST	P17	Q16	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton" */
CREATE
LAST	Len	"Honorary Consulate of Belgium in Halifax"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax" */
LAST	P31	Q23891529	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax" */
LAST	P137	Q31	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax" */
LAST	P17	Q16	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax" */
CREATE
LAST	Len	"Honorary Consulate of Belgium in Vancouver"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver" */
LAST	P31	Q23891529	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver" */
LAST	P137	Q31	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver" */
LAST	P17	Q16	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver" */
LAST	P131	Q24639	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver" */
CREATE
LAST	Len	"Honorary Consulate of Belgium in Winnipeg"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg" */
LAST	P31	Q23891529	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg" */
LAST	P137	Q31	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg" */
LAST	P17	Q16	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg" */
CREATE
LAST	Len	"Part-time Consulate of Belgium in Halifax"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City and Halifax" */
LAST	P31	Q7843791	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City and Halifax" */
LAST	P137	Q31	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City and Halifax" */
LAST	P17	Q16	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City and Halifax" */
CREATE
LAST	Len	"Part-time Consulate of Belgium in Montreal"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal" */
LAST	P31	Q7843791	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal" */
LAST	P137	Q31	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal" */
LAST	P17	Q16	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal" */
LAST	P131	Q340	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal" */
CREATE
LAST	Len	"Part-time Consulate of Belgium in Quebec City"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City" */
LAST	P31	Q7843791	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City" */
LAST	P137	Q31	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City" */
LAST	P17	Q16	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City" */
LAST	P131	Q2145	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City" */
CREATE
LAST	Len	"Representation of Quebec in Brussels"	/* source: "Canada - Belgium Relations", Government of Canada: "the Délégation générale du Québec in Brussels" */
LAST	P137	Q176	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "province of Quebec also has a representation in Brussels" */
LAST	P17	Q31	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "province of Quebec also has a representation in Brussels" */
LAST	P131	Q239	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "province of Quebec also has a representation in Brussels" */
CREATE
LAST	Len	"Consulate of Canada in Antwerp"	/* source: "Belgium–Canada relations", Wikipedia: "Canada also has a consulate in Antwerp" */
LAST	P31	Q7843791	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Canada also has a consulate in Antwerp" */
LAST	P137	Q16	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Canada also has a consulate in Antwerp" */
LAST	P17	Q31	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Canada also has a consulate in Antwerp" */
LAST	P131	Q12892	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "Canada also has a consulate in Antwerp" */
CREATE
LAST	Len	"Embassy of Canada in Belgium"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels" */
LAST	P31	Q3917681	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels" */
LAST	P137	Q16	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels" */
LAST	P17	Q31	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels" */
LAST	P131	Q239	S1476	en:"North America"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels" */
CREATE
LAST	Len	"Permanent Mission of Canada to the European Union"	/* source: "Canada - Belgium Relations", Government of Canada: "the Mission of Canada to the European Union" */
LAST	P137	Q16	S1476	en:"Canada - Belgium Relations"	/* source: "Canada - Belgium Relations", Government of Canada: "the Mission of Canada to the European Union" */
LAST	P17	Q31	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "The Canadian delegations to the European Union and the North Atlantic Treaty Organization are located in Belgium" */
CREATE
LAST	Len	"Permanent Mission of Canada to the North Atlantic Treaty Organization"	/* source: "Canada - Belgium Relations", Government of Canada: "the Joint Delegation of Canada to NATO" */
LAST	P137	Q16	S1476	en:"Canada - Belgium Relations"	/* source: "Canada - Belgium Relations", Government of Canada: "the Joint Delegation of Canada to NATO" */
LAST	P17	Q31	S1476	en:"Belgium–Canada relations"	/* source: "Belgium–Canada relations", Wikipedia: "The Canadian delegations to the European Union and the North Atlantic Treaty Organization are located in Belgium" */
